<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>The remembered settings could not be used ({error}); starting with the defaults.</source>
        <extracomment>Strokes (canvas coordinates) of hand-drawn digits for screenshots and demos.</extracomment>
        <translation>无法使用上次保存的设置（{error}），改用默认设置启动。</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>unknown initialisation {name}; choose one of {names}</source>
        <translation>未知的初始化方式 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>the slow-motion delay must lie in 0…60000 ms (got {value})</source>
        <translation>慢动作延迟必须在 0…60000 ms 之间（输入的是 {value}）</translation>
    </message>
    <message>
        <source>the input layer must have {n} neurons, one per input of {data} (got {got})</source>
        <translation>输入层必须有 {n} 个神经元，{data} 的每个输入对应一个（输入的是 {got}）</translation>
    </message>
    <message>
        <source>the output layer must have {n} neurons, one per class of {data} (got {got})</source>
        <translation>输出层必须有 {n} 个神经元，{data} 的每个类别对应一个（输入的是 {got}）</translation>
    </message>
    <message>
        <source>a mini-batch cannot be larger than the {n} training samples of {data} (got {got})</source>
        <translation>小批量不能大于 {data} 的 {n} 个训练样本（输入的是 {got}）</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>layer sizes must be whole numbers separated by commas, like 784,30,10 (got {parts})</source>
        <extracomment>Networks whose estimated peak memory (:func:`training_bytes`) is above this are refused.</extracomment>
        <translation>各层大小必须是用逗号分隔的整数，例如 784,30,10（输入的是 {parts}）</translation>
    </message>
    <message>
        <source>a network needs at least two layers (an input and an output layer)</source>
        <translation>网络至少需要两层（一个输入层和一个输出层）</translation>
    </message>
    <message>
        <source>every layer needs at least one neuron (got {sizes})</source>
        <translation>每层至少需要一个神经元（输入的是 {sizes}）</translation>
    </message>
    <message>
        <source>layers larger than 100000 neurons are not supported (got {sizes})</source>
        <translation>不支持超过 100000 个神经元的层（输入的是 {sizes}）</translation>
    </message>
    <message>
        <source>epochs must be a whole number ≥ 1 (got {value})</source>
        <translation>迭代期数必须是 ≥ 1 的整数（输入的是 {value}）</translation>
    </message>
    <message>
        <source>mini-batch size must be a whole number ≥ 1 (got {value})</source>
        <translation>小批量大小必须是 ≥ 1 的整数（输入的是 {value}）</translation>
    </message>
    <message>
        <source>learning rate eta must be a finite number &gt; 0 (got {value})</source>
        <translation>学习速率 η 必须是 &gt; 0 的有限数（输入的是 {value}）</translation>
    </message>
    <message>
        <source>regularisation lambda must be a finite number ≥ 0 (got {value})</source>
        <translation>规范化参数 λ 必须是 ≥ 0 的有限数（输入的是 {value}）</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <source>MNIST, bundled subset (10,000 train / 10,000 test)</source>
        <translation>MNIST，自带子集（训练 10,000 / 测试 10,000）</translation>
    </message>
    <message>
        <source>MNIST, full (50,000 train / 10,000 validation / 10,000 test)</source>
        <translation>MNIST，完整（训练 50,000 / 验证 10,000 / 测试 10,000）</translation>
    </message>
    <message>
        <source>MNIST, full (download {mb} MB)</source>
        <translation>MNIST，完整（需下载 {mb} MB）</translation>
    </message>
    <message>
        <source>Fashion-MNIST (60,000 train / 10,000 test)</source>
        <translation>Fashion-MNIST（训练 60,000 / 测试 10,000）</translation>
    </message>
    <message>
        <source>Fashion-MNIST (download {mb} MB)</source>
        <translation>Fashion-MNIST（需下载 {mb} MB）</translation>
    </message>
    <message>
        <source>XOR of two inputs (synthetic; for tiny nets like 2,3,2)</source>
        <translation>两个输入的异或（合成数据；用于 2,3,2 这样的小网络）</translation>
    </message>
</context>
<context>
    <name>DigitCanvas</name>
    <message>
        <source>Draw a digit with the mouse or a pen · Esc clears · Ctrl+Z undoes the last stroke</source>
        <translation>用鼠标或手写笔写一个数字 · Esc 清空 · Ctrl+Z 撤销最后一笔</translation>
    </message>
    <message>
        <source>draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
</context>
<context>
    <name>DownloadWorker</name>
    <message>
        <source>{got} of {size} MB</source>
        <translation>{got} / {size} MB</translation>
    </message>
    <message>
        <source>{got} MB</source>
        <translation>{got} MB</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was kept.</source>
        <translation>下载已取消，未保留任何文件。</translation>
    </message>
    <message>
        <source>Download failed: {error}</source>
        <translation>下载失败：{error}</translation>
    </message>
    <message>
        <source>Downloaded and verified {name} in {folder}.</source>
        <translation>已下载并校验 {name}，位于 {folder}。</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the canvas (Esc)</source>
        <translation>清空画布（Esc）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Remove the last stroke (Ctrl+Z)</source>
        <translation>去掉最后一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Pen width (MNIST strokes are about 22 px on this 280 px canvas)</source>
        <translation>笔画粗细（在这块 280 px 的画布上，MNIST 的笔画约 22 px）</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>笔</translation>
    </message>
    <message>
        <source>Exactly the 28×28 image the network receives: cropped, scaled to fit 20×20, centred by its centre of mass, as MNIST was made</source>
        <translation>网络实际收到的 28×28 图像：按 MNIST 的制作方式裁剪、缩放到 20×20 以内，并按质心居中</translation>
    </message>
    <message>
        <source>output activation aᴸ</source>
        <translation>输出层激活值 aᴸ</translation>
    </message>
    <message>
        <source>Step through this digit</source>
        <translation>逐步查看这个数字</translation>
    </message>
    <message>
        <source>The label y to backpropagate against (default: what the network says)</source>
        <translation>反向传播所用的标签 y（默认：网络给出的答案）</translation>
    </message>
    <message>
        <source>Open the step-through on this 28×28 image with the chosen target</source>
        <translation>用所选目标，对这张 28×28 图像打开逐步演示</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The canvas is for handwritten digits (MNIST); the dataset now is {name}. Choose an MNIST dataset in the Train tab to draw.</source>
        <translation>画布用于手写数字（MNIST），而当前数据集是 {name}。请在“训练”页选择一个 MNIST 数据集后再写。</translation>
    </message>
    <message>
        <source>The canvas needs a network with 784 inputs (28×28 images).</source>
        <translation>画布需要一个有 784 个输入（28×28 图像）的网络。</translation>
    </message>
    <message>
        <source>The network says &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>网络的答案是 &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Predicting with the loaded model {name} {sizes}.</source>
        <translation>用已打开的模型 {name} {sizes} 预测。</translation>
    </message>
    <message>
        <source>Predicting with the network of the Train tab {sizes}.</source>
        <translation>用“训练”页的网络 {sizes} 预测。</translation>
    </message>
    <message>
        <source>Outputs are activations of independent sigmoid neurons, not probabilities: they need not add up to 1.</source>
        <translation>输出是彼此独立的 S 型（sigmoid）神经元的激活值，不是概率：它们的和不一定是 1。</translation>
    </message>
    <message>
        <source>Sigmoid outputs trained with cross-entropy: each is the network&apos;s score for its class, not a probability distribution.</source>
        <translation>用交叉熵训练的 S 型输出：每个值是网络对该类别的打分，而不是概率分布。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>bpviz — watch backpropagation</source>
        <translation>bpviz — 观察反向传播</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>逐步</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>手写</translation>
    </message>
    <message>
        <source>Draw a digit and watch the network answer</source>
        <translation>写一个数字，看网络如何回答</translation>
    </message>
    <message>
        <source>Train the network with mini-batch SGD and watch it learn</source>
        <translation>用小批量随机梯度下降训练网络，观察它如何学习</translation>
    </message>
    <message>
        <source>Step through feedforward and backpropagation with the real numbers</source>
        <translation>用真实数值逐步查看前馈和反向传播</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>epoch –</source>
        <translation>迭代期 –</translation>
    </message>
    <message>
        <source>mini-batch %v / %m</source>
        <translation>小批量 %v / %m</translation>
    </message>
    <message>
        <source>test accuracy –</source>
        <translation>测试准确率 –</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a &amp;shipped model</source>
        <translation>打开自带模型(&amp;S)</translation>
    </message>
    <message>
        <source>A model trained by bpviz train (see {name}.json)</source>
        <translation>由 bpviz train 训练的模型（见 {name}.json）</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>保存模型(&amp;S)…</translation>
    </message>
    <message>
        <source>Export cost history as &amp;CSV…</source>
        <translation>将代价历史导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export network view as &amp;PNG…</source>
        <translation>将网络视图导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Draw tab: remove the last stroke. Elsewhere: bring back the trained network that a dataset switch, new sizes, Reset or Open replaced</source>
        <translation>“手写”页：去掉最后一笔。其他页：找回被切换数据集、修改层大小、重置或打开模型所替换的已训练网络</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train / Pause / Resume (Step tab: play / pause)</source>
        <translation>训练 / 暂停 / 继续（“逐步”页：播放 / 暂停）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>One mini-batch</source>
        <translation>一个小批量</translation>
    </message>
    <message>
        <source>Reset network</source>
        <translation>重置网络</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>逐步(&amp;S)</translation>
    </message>
    <message>
        <source>Step through backpropagation</source>
        <translation>逐步查看反向传播</translation>
    </message>
    <message>
        <source>Train panel</source>
        <translation>训练面板</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>First step</source>
        <translation>第一步</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Fit network</source>
        <translation>网络适应窗口</translation>
    </message>
    <message>
        <source>Random test image</source>
        <translation>随机测试图像</translation>
    </message>
    <message>
        <source>E&amp;xplore</source>
        <translation>探索(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Clear the canvas</source>
        <translation>清空画布</translation>
    </message>
    <message>
        <source>About bpviz</source>
        <translation>关于 bpviz</translation>
    </message>
    <message>
        <source>Language (after a restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The language changes when bpviz starts again.</source>
        <translation>下次启动 bpviz 时切换语言。</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Nothing to undo: no trained network was replaced.</source>
        <translation>没有可撤销的操作：没有已训练的网络被替换。</translation>
    </message>
    <message>
        <source>&amp;Undo: bring back {what}</source>
        <translation>撤销(&amp;U)：找回{what}</translation>
    </message>
    <message>
        <source>The canvas needs a trained network, so the shipped model {name} was loaded ({percent} % of the {n} test images right). Reset in the Train tab starts again from random weights.</source>
        <translation>画布需要一个已训练的网络，因此载入了自带模型 {name}（{n} 张测试图像中答对 {percent} %）。在“训练”页点“重置”可从随机权重重新开始。</translation>
    </message>
    <message>
        <source>Single keys (Space, S, B, N, F) work wherever the focus is: the number fields never take them. Enter in a field applies it and hands the keys back.</source>
        <translation>单键快捷键（Space、S、B、N、F）无论焦点在哪里都有效：数字输入框不会占用它们。在输入框中按 Enter 会应用该值并交还这些按键。</translation>
    </message>
    <message>
        <source>Watch backpropagation work: the network of chapter 1–2 of Michael Nielsen&apos;s &lt;i&gt;Neural Networks and Deep Learning&lt;/i&gt;, trained by mini-batch SGD on MNIST.</source>
        <translation>观察反向传播如何工作：Michael Nielsen《&lt;i&gt;Neural Networks and Deep Learning&lt;/i&gt;》第 1–2 章中的网络，在 MNIST 上用小批量随机梯度下降训练。</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>bpviz models (*.npz)</source>
        <translation>bpviz 模型 (*.npz)</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Export cost history</source>
        <translation>导出代价历史</translation>
    </message>
    <message>
        <source>Wrote the cost history to {path}.</source>
        <translation>已将代价历史写入 {path}。</translation>
    </message>
    <message>
        <source>Export network view</source>
        <translation>导出网络视图</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <source>Saved the network view to {name}.</source>
        <translation>已将网络视图保存为 {name}。</translation>
    </message>
    <message>
        <source>epochs done {done}</source>
        <translation>已完成迭代期 {done}</translation>
    </message>
    <message>
        <source>{n} mini-batches applied to this network in all</source>
        <translation>此网络共应用了 {n} 个小批量</translation>
    </message>
    <message>
        <source>{rate} samples/s</source>
        <translation>{rate} 样本/秒</translation>
    </message>
    <message>
        <source>validation {percent}%</source>
        <translation>验证集 {percent}%</translation>
    </message>
    <message>
        <source>test accuracy {percent}% ({right} / {total}){validation} after epoch {epoch}</source>
        <translation>测试准确率 {percent}%（{right} / {total}）{validation}，第 {epoch} 个迭代期后</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>{what} is kept: Edit → Undo (Ctrl+Z) brings it back.</source>
        <extracomment>The trained model the Draw tab loads when the network was never trained.</extracomment>
        <translation>已保留{what}：编辑 → 撤销（Ctrl+Z）可以找回。</translation>
    </message>
    <message>
        <source>Stop training before changing the weights by hand.</source>
        <translation>手动修改权重之前请先停止训练。</translation>
    </message>
    <message>
        <source>The network&apos;s weights changed: {what}.</source>
        <translation>网络的权重已改变：{what}。</translation>
    </message>
    <message>
        <source>Training is still finishing its current step; try {doing} again in a moment.</source>
        <translation>训练仍在完成当前这一步；请稍后再试一次“{doing}”。</translation>
    </message>
    <message>
        <source>stop training before changing these settings</source>
        <translation>修改这些设置之前请先停止训练</translation>
    </message>
    <message>
        <source>Layer sizes set to {sizes} to fit {data}: {inputs} inputs, {classes} classes.</source>
        <translation>各层大小已设为 {sizes}，以适应 {data}：{inputs} 个输入，{classes} 个类别。</translation>
    </message>
    <message>
        <source>switching to {data}</source>
        <translation>切换到 {data}</translation>
    </message>
    <message>
        <source>the new settings</source>
        <translation>新设置</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>New network {sizes} drawn with seed {seed}.</source>
        <translation>已用随机种子 {seed} 抽取新网络 {sizes}。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Brought back {what}.</source>
        <translation>已找回{what}。</translation>
    </message>
    <message>
        <source>opening {name}</source>
        <translation>打开 {name}</translation>
    </message>
    <message>
        <source>quadratic cost</source>
        <translation>二次代价函数</translation>
    </message>
    <message>
        <source>cross-entropy cost</source>
        <translation>交叉熵代价函数</translation>
    </message>
    <message>
        <source>Loaded {name}: {sizes}, {cost}, {params}; {right} / {total} test images right.</source>
        <translation>已载入 {name}：{sizes}，{cost}，{params}；测试图像答对 {right} / {total}。</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <source>Training diverged in epoch {epoch}, mini-batch {batch}: {reason}. It was stopped before the numbers became meaningless; the network keeps its last finite weights. Try a smaller learning rate than η = {eta}.</source>
        <translation>训练在第 {epoch} 个迭代期、第 {batch} 个小批量发散：{reason}。训练已在数值失去意义之前停止；网络保留最后一组有限的权重。请尝试比 η = {eta} 更小的学习速率。</translation>
    </message>
    <message>
        <source>Training stopped by an internal error: {error}</source>
        <translation>训练因内部错误而停止：{error}</translation>
    </message>
    <message>
        <source>Training finished after {n} epochs.</source>
        <translation>训练完成，共 {n} 个迭代期。</translation>
    </message>
    <message>
        <source>Training finished after {n} epochs, test accuracy {percent}%.</source>
        <translation>训练完成，共 {n} 个迭代期，测试准确率 {percent}%。</translation>
    </message>
    <message>
        <source>Training is finishing its current step (an evaluation of a large network); it stops as soon as that is done.</source>
        <translation>训练正在完成当前这一步（对一个大网络的评估）；完成后立即停止。</translation>
    </message>
    <message>
        <source>Pause or stop training first: the step-through needs weights that stand still.</source>
        <translation>请先暂停或停止训练：逐步演示需要固定不变的权重。</translation>
    </message>
    <message>
        <source>This input has shape {shape}; the network takes {n} inputs.</source>
        <translation>这个输入的形状是 {shape}；而网络需要 {n} 个输入。</translation>
    </message>
    <message>
        <source>This update would make the weights non-finite; it was not kept.</source>
        <translation>这次更新会使权重变为非有限值；未予保留。</translation>
    </message>
    <message>
        <source>Kept the update: the network now has the weights after this gradient-descent step.</source>
        <translation>已保留这次更新：网络现在使用这一步梯度下降之后的权重。</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>Neurons per layer, input first, e.g. 784,30,10 (the seed&apos;s) or 784,40,30,20,10.
The input must match the image size, the output the number of classes.</source>
        <translation>每层的神经元个数，从输入层开始，例如 784,30,10（原始程序的设置）或 784,40,30,20,10。
输入层须与图像大小一致，输出层须与类别数一致。</translation>
    </message>
    <message>
        <source>Learning rate η &gt; 0. Can be changed while training runs (Enter): the next mini-batch uses it.</source>
        <translation>学习速率 η &gt; 0。训练过程中也可修改（按 Enter）：下一个小批量即使用新值。</translation>
    </message>
    <message>
        <source>Mini-batch size m: each gradient-descent step averages over m samples.</source>
        <translation>小批量大小 m：每一步梯度下降对 m 个样本取平均。</translation>
    </message>
    <message>
        <source>How many epochs (passes over the training set) Train runs.</source>
        <translation>“训练”要运行多少个迭代期（遍历训练集的次数）。</translation>
    </message>
    <message>
        <source>L2 regularisation λ ≥ 0 (chapter 3): each step also shrinks every weight by the factor 1 − ηλ/n. 0 is the seed&apos;s.</source>
        <translation>L2 规范化 λ ≥ 0（第 3 章）：每一步还会把每个权重乘以因子 1 − ηλ/n。0 为原始程序的设置。</translation>
    </message>
    <message>
        <source>Seed of the initial weights and of the shuffling: same seed, same run.</source>
        <translation>初始权重和洗牌所用的随机种子：种子相同，运行结果相同。</translation>
    </message>
    <message>
        <source>Quadratic (the seed&apos;s)</source>
        <translation>二次代价（原始程序）</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Quadratic: C = ½‖y − a‖², BP1 δᴸ = (aᴸ − y) ⊙ σ′(zᴸ).
Cross-entropy: BP1 becomes δᴸ = aᴸ − y (no learning slow-down).</source>
        <translation>二次代价：C = ½‖y − a‖²，BP1 δᴸ = (aᴸ − y) ⊙ σ′(zᴸ)。
交叉熵：BP1 变为 δᴸ = aᴸ − y（没有学习减速）。</translation>
    </message>
    <message>
        <source>Standard N(0, 1) (the seed&apos;s)</source>
        <translation>标准 N(0, 1)（原始程序）</translation>
    </message>
    <message>
        <source>Scaled N(0, 1/n_in)</source>
        <translation>缩放 N(0, 1/n_in)</translation>
    </message>
    <message>
        <source>How the initial weights are drawn. Biases are always N(0, 1).</source>
        <translation>初始权重的抽取方式。偏置总是取自 N(0, 1)。</translation>
    </message>
    <message>
        <source>Folder of IDX files…</source>
        <translation>IDX 文件所在文件夹…</translation>
    </message>
    <message>
        <source>The images to learn from. A folder must hold the four standard IDX files.</source>
        <translation>用来学习的图像。文件夹中须有四个标准 IDX 文件。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the download; nothing half-written is kept</source>
        <translation>停止下载；不会保留写了一半的文件</translation>
    </message>
    <message>
        <source>Layer sizes</source>
        <translation>各层大小</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习速率 η</translation>
    </message>
    <message>
        <source>Mini-batch size m</source>
        <translation>小批量大小 m</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>迭代期</translation>
    </message>
    <message>
        <source>L2 regularisation λ</source>
        <translation>L2 规范化 λ</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>One mini-batch</source>
        <translation>一个小批量</translation>
    </message>
    <message>
        <source>Train, pause or resume (Space)</source>
        <translation>训练、暂停或继续（Space）</translation>
    </message>
    <message>
        <source>Stop training; the weights stay as they are (S)</source>
        <translation>停止训练；权重保持不变（S）</translation>
    </message>
    <message>
        <source>Stop and draw new initial weights from the seed (Ctrl+R)</source>
        <translation>停止，并按随机种子重新抽取初始权重（Ctrl+R）</translation>
    </message>
    <message>
        <source>Apply exactly one mini-batch, then pause (B)</source>
        <translation>只应用一个小批量，然后暂停（B）</translation>
    </message>
    <message>
        <source>Training runs: only η and slow motion can change now. Stop (S) to change the rest.</source>
        <translation>训练正在进行：现在只能修改 η 和慢动作。停止（S）后才能修改其余设置。</translation>
    </message>
    <message>
        <source>{text} is not a number like 3 or 0.5</source>
        <translation>{text} 不是 3 或 0.5 这样的数</translation>
    </message>
    <message>
        <source>{text} is not a whole number like 10</source>
        <translation>{text} 不是 10 这样的整数</translation>
    </message>
    <message>
        <source>{text} is not a whole number like 30</source>
        <translation>{text} 不是 30 这样的整数</translation>
    </message>
    <message>
        <source>{text} is not a number like 0 or 5</source>
        <translation>{text} 不是 0 或 5 这样的数</translation>
    </message>
    <message>
        <source>{text} is not a whole number ≥ 0</source>
        <translation>{text} 不是 ≥ 0 的整数</translation>
    </message>
    <message>
        <source>the seed must be ≥ 0 (got {value})</source>
        <translation>随机种子必须 ≥ 0（输入的是 {value}）</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是数</translation>
    </message>
    <message>
        <source>Folder with the four IDX files</source>
        <translation>存放四个 IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation>正在下载 {name}…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Network {sizes} · {cost} · {init} · {n} parameters.
Data: {data}, {train} training and {test} test samples.</source>
        <translation>网络 {sizes} · {cost} · {init} · {n} 个参数。
数据：{data}，{train} 个训练样本和 {test} 个测试样本。</translation>
    </message>
    <message>
        <source>quadratic cost</source>
        <translation>二次代价函数</translation>
    </message>
    <message>
        <source>cross-entropy cost</source>
        <translation>交叉熵代价函数</translation>
    </message>
    <message>
        <source>standard initial weights</source>
        <translation>标准初始权重</translation>
    </message>
    <message>
        <source>scaled initial weights</source>
        <translation>缩放初始权重</translation>
    </message>
</context>
</TS>
