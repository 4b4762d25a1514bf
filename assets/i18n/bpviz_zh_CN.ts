<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Anatomy</name>
    <message>
        <source>The update was refused (it would make the weights non-finite): Δw = 0.</source>
        <extracomment>default_pins of each live sequence (dropped with the sequence).</extracomment>
        <translation>更新被拒绝（它会使权重变成非有限值）：Δw = 0。</translation>
    </message>
    <message>
        <source>(η/m)·Σ = ({eta}/{m})·{s} = {step}, so {dw} = −(η/m)·Σ = {gstep}</source>
        <translation>(η/m)·Σ = ({eta}/{m})·{s} = {step}，所以 {dw} = −(η/m)·Σ = {gstep}</translation>
    </message>
    <message>
        <source> plus the L2 shrinkage {d}</source>
        <translation>，再加上 L2 收缩 {d}</translation>
    </message>
    <message>
        <source>≠ — they differ</source>
        <translation>≠——两者不同</translation>
    </message>
    <message>
        <source>— equal (to the weights&apos; {dtype} precision)</source>
        <translation>——相等（在权重的 {dtype} 精度内）</translation>
    </message>
    <message>
        <source>— equal</source>
        <translation>——相等</translation>
    </message>
    <message>
        <source>; the update applied: {w} = {w0} → {w1}, Δw = {dw} {verdict}</source>
        <translation>；实际应用的更新：{w} = {w0} → {w1}，Δw = {dw} {verdict}</translation>
    </message>
</context>
<context>
    <name>AnatomyModel</name>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>running Σ</source>
        <translation>累计 Σ</translation>
    </message>
    <message>
        <source>sample x</source>
        <translation>样本 x</translation>
    </message>
    <message>
        <source>Σ {grad} so far</source>
        <translation>累计 Σ {grad}</translation>
    </message>
</context>
<context>
    <name>AnatomyPanel</name>
    <message>
        <source>One row per sample of the mini-batch: its error δ at the pinned neuron, its gradient for the pinned weight (BP4: a·δ) and the sum so far. Click an edge in the network to pin another weight.</source>
        <translation>小批量中每个样本一行：它在固定神经元上的误差 δ、它对固定权重的梯度（BP4：a·δ）以及到此为止的和。在网络中点击一条连接可固定另一个权重。</translation>
    </message>
    <message>
        <source>Step tab → “Mini-batch”: this table follows one weight through every sample of the mini-batch. Click an edge in the network to pin it.</source>
        <translation>“逐步”页 → “小批量”：此表跟随一个权重走过小批量中的每个样本。在网络中点击一条连接即可固定它。</translation>
    </message>
    <message>
        <source>Pinned: weight {w} (from neuron {k} of layer {lk} to neuron {j} of layer {l}) over the {m} samples; η = {eta}, m = {m}. End: the update · PgUp/PgDown: a whole sample.</source>
        <translation>固定：权重 {w}（从第 {lk} 层的神经元 {k} 到第 {l} 层的神经元 {j}），跨越 {m} 个样本；η = {eta}，m = {m}。End：更新 · PgUp/PgDown：跳过整个样本。</translation>
    </message>
    <message>
        <source>Σ so far (samples 1…{i}): {s} · at the end (End): (η/m)·Σ = Δw</source>
        <translation>到此为止的 Σ（样本 1…{i}）：{s} · 最后（End）：(η/m)·Σ = Δw</translation>
    </message>
</context>
<context>
    <name>Animation</name>
    <message>
        <source>{name}: a recording is a .gif or an .mp4 file</source>
        <translation>{name}：录制文件须为 .gif 或 .mp4</translation>
    </message>
    <message>
        <source>MP4 needs the optional encoder imageio-ffmpeg: pip install &apos;bpviz[video]&apos; (or record a .gif)</source>
        <translation>MP4 需要可选的编码器 imageio-ffmpeg：pip install &apos;bpviz[video]&apos;（或录制为 .gif）</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>nothing was recorded</source>
        <translation>没有录制到任何画面</translation>
    </message>
    <message>
        <source>more than {n} frames: record a shorter stretch</source>
        <translation>超过 {n} 帧：请录制更短的一段</translation>
    </message>
</context>
<context>
    <name>AnswerBox</name>
    <message>
        <source>+ (positive)</source>
        <translation>+（正）</translation>
    </message>
    <message>
        <source>− (negative)</source>
        <translation>−（负）</translation>
    </message>
    <message>
        <source>0 (zero)</source>
        <translation>0（零）</translation>
    </message>
    <message>
        <source>a number, e.g. −0.25 or 3e-4</source>
        <translation>一个数，例如 −0.25 或 3e-4</translation>
    </message>
    <message>
        <source>Drag the items into order, largest first:</source>
        <translation>把各项拖成从大到小的顺序：</translation>
    </message>
    <message>
        <source>an edge</source>
        <translation>一条连接</translation>
    </message>
    <message>
        <source>a neuron</source>
        <translation>一个神经元</translation>
    </message>
    <message>
        <source>Click {what} in the network view, then Check.</source>
        <translation>在网络视图中点击{what}，然后按“核对”。</translation>
    </message>
    <message>
        <source>Your pick: none yet</source>
        <translation>你的选择：尚未选择</translation>
    </message>
    <message>
        <source>Your pick: {what}</source>
        <translation>你的选择：{what}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The remembered settings could not be used ({error}); starting with the defaults.</source>
        <extracomment>Strokes (canvas coordinates) of hand-drawn digits for screenshots and demos. The translators install_language put on the application (removed on the next call).</extracomment>
        <translation>无法使用上次保存的设置（{error}），改用默认设置启动。</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>Theme</source>
        <extracomment>What new views are drawn with (the network view reads the palette from here).</extracomment>
        <translation>主题</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Projector (larger text, thicker lines)</source>
        <translation>投影模式（更大的文字、更粗的线条）</translation>
    </message>
</context>
<context>
    <name>Code</name>
    <message>
        <source>(layer {q} of {L})</source>
        <extracomment>The functions each mode lists, by key, in the order the pane shows them. How the pane writes each neuron&apos;s f.</extracomment>
        <translation>（第 {q} 层，共 {L} 层）</translation>
    </message>
    <message>
        <source>new weights:</source>
        <translation>新的权重：</translation>
    </message>
    <message>
        <source>{r} = {0} + {1} (added to every row)</source>
        <translation>{r} = {0} + {1}（加到每一行）</translation>
    </message>
    <message>
        <source> from a = {0}, z = {1}</source>
        <translation>，由 a = {0}、z = {1} 算出</translation>
    </message>
    <message>
        <source>{r} = {0} @ {1}  (the sum over the m samples)</source>
        <translation>{r} = {0} @ {1}  （对 m 个样本求和）</translation>
    </message>
    <message>
        <source>b − Σ over rows of {name}: {0} − {1}</source>
        <translation>b − {name} 各行之和 Σ：{0} − {1}</translation>
    </message>
    <message>
        <source>new weights: {list}</source>
        <translation>新的权重：{list}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>unknown initialisation {name}; choose one of {names}</source>
        <translation>未知的初始化方式 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>the input layer must have {n} neurons, one per input of {data} (got {got})</source>
        <translation>输入层必须有 {n} 个神经元，{data} 的每个输入对应一个（输入的是 {got}）</translation>
    </message>
    <message>
        <source>network {gb}</source>
        <extracomment>What the app holds for a network, in bytes per weight, measured with the window open ([784, 4000, 10], 3.2 M weights, offscreen, RSS): each part is there at the same time. Each network kept for Undo: its weights (and its history, counted as it is).</extracomment>
        <translation>网络 {gb}</translation>
    </message>
    <message>
        <source>drawing {gb}</source>
        <translation>绘图 {gb}</translation>
    </message>
    <message>
        <source>training {gb}</source>
        <translation>训练 {gb}</translation>
    </message>
    <message>
        <source>step-through {gb}</source>
        <translation>逐步演示 {gb}</translation>
    </message>
    <message>
        <source>undo list {gb}</source>
        <translation>撤销列表 {gb}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>a {sizes} network has {n} parameters: with everything the app keeps for it it would need about {need} GB ({parts} GB), above the limit of about {limit} GB; use fewer neurons</source>
        <translation>{sizes} 网络有 {n} 个参数：连同程序为它保留的一切，大约需要 {need} GB（{parts} GB），超过约 {limit} GB 的上限；请减少神经元</translation>
    </message>
    <message>
        <source>the output layer must have {n} neurons, one per class of {data} (got {got})</source>
        <translation>输出层必须有 {n} 个神经元，{data} 的每个类别对应一个（输入的是 {got}）</translation>
    </message>
    <message>
        <source>a mini-batch cannot be larger than the {n} training samples of {data} (got {got})</source>
        <translation>小批量不能大于 {data} 的 {n} 个训练样本（输入的是 {got}）</translation>
    </message>
    <message>
        <source>the {cost} cost goes with a {right} output layer, not {output} (softmax with log-likelihood; sigmoid with quadratic or cross-entropy)</source>
        <translation>{cost} 代价应配 {right} 输出层，而不是 {output}（柔性最大值配对数似然；sigmoid 配二次代价或交叉熵）</translation>
    </message>
    <message>
        <source>unknown activation function {name}; choose one of {names}</source>
        <translation>未知的激活函数 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>unknown output layer {name}; choose one of {names}</source>
        <translation>未知的输出层 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>input features apply to the 2-D datasets only</source>
        <translation>输入特征只适用于二维数据集</translation>
    </message>
    <message>
        <source>the test fraction must lie between 0 and 1 (got {got})</source>
        <translation>测试集比例必须介于 0 和 1 之间（现为 {got}）</translation>
    </message>
    <message>
        <source>the pace (ms per mini-batch) must lie in 0…60000 ms (got {value})</source>
        <translation>节奏（每个小批量的毫秒数）必须在 0…60000 ms 之间（现为 {value}）</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>create and train</source>
        <extracomment>Networks whose estimated peak memory (:func:`training_bytes`) is above this are refused.</extracomment>
        <translation>创建并训练</translation>
    </message>
    <message>
        <source>create, train and draw</source>
        <translation>创建、训练并绘制</translation>
    </message>
    <message>
        <source>a {sizes} network has {n} parameters and would need about {need} GB to {what} (the limit is about {limit} GB); use fewer neurons</source>
        <translation>{sizes} 网络有 {n} 个参数，{what}大约需要 {need} GB 内存（上限约为 {limit} GB）；请减少神经元</translation>
    </message>
    <message>
        <source>layer sizes must be whole numbers separated by commas, like 784,30,10 (got {parts})</source>
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
        <source>the {cost} cost goes with a {right} output layer, not {output} (softmax with log-likelihood; sigmoid with quadratic or cross-entropy)</source>
        <translation>{cost} 代价应配 {right} 输出层，而不是 {output}（柔性最大值配对数似然；sigmoid 配二次代价或交叉熵）</translation>
    </message>
    <message>
        <source>epochs must be a whole number ≥ 1 (got {value})</source>
        <extracomment>(n,) the order of the training samples in the epoch under way (set by sgd at each epoch&apos;s start)</extracomment>
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
    <message>
        <source>the cost is not a finite number or the update would overflow</source>
        <translation>代价不是有限数，或者这次更新会溢出</translation>
    </message>
    <message>
        <source>the mean cost of the last {n} mini-batches ({mean}) is far above the starting cost (limit {limit})</source>
        <translation>最近 {n} 个小批量的平均代价（{mean}）远高于开始时的代价（上限 {limit}）</translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <source>cost C</source>
        <translation>代价 C</translation>
    </message>
    <message>
        <source>test accuracy %</source>
        <translation>测试准确率 %</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>迭代期</translation>
    </message>
    <message>
        <source>mini-batch cost</source>
        <translation>小批量代价</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>training cost (epoch)</source>
        <translation>训练代价（每迭代期）</translation>
    </message>
    <message>
        <source>λ = {lmbda}: the epoch cost includes (λ/2n)·Σw²</source>
        <translation>λ = {lmbda}：迭代期代价包含 (λ/2n)·Σw²</translation>
    </message>
    <message>
        <source>λ = {lmbda}: the epoch cost includes the L2 term (λ/2n)·Σw², the mini-batch cost does not</source>
        <translation>λ = {lmbda}：迭代期代价包含 L2 项 (λ/2n)·Σw²，小批量代价不包含</translation>
    </message>
    <message>
        <source>changed by hand</source>
        <translation>手动修改</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Press Train (Space) and watch the cost fall</source>
        <translation>按“训练”（Space），看代价下降</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Cost on a logarithmic axis: the slow fall after the first epochs stays visible</source>
        <translation>代价用对数坐标轴显示：最初几个迭代期之后的缓慢下降仍然看得见</translation>
    </message>
    <message>
        <source>all epochs</source>
        <translation>全部迭代期</translation>
    </message>
    <message>
        <source>last {n} epochs</source>
        <translation>最近 {n} 个迭代期</translation>
    </message>
    <message>
        <source>last {n} epoch</source>
        <translation>最近 {n} 个迭代期</translation>
    </message>
    <message>
        <source>Which epochs the axes show; the cost axis follows the values shown (so a spike early on, or a divergence, does not flatten the rest)</source>
        <translation>坐标轴显示哪些迭代期；代价轴随显示的数值调整（这样早期的尖峰或发散不会把其余部分压平）</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <source>{folder}: missing {stem}.gz (or {stem}); a dataset folder needs the four standard IDX files</source>
        <translation>{folder}：缺少 {stem}.gz（或 {stem}）；数据集文件夹需要四个标准 IDX 文件</translation>
    </message>
    <message>
        <source>{path}: expected uint8 images of shape (n, rows, cols), got {dtype} {shape}</source>
        <translation>{path}：应为形状 (n, 行数, 列数) 的 uint8 图像，实际为 {dtype} {shape}</translation>
    </message>
    <message>
        <source>{path}: expected uint8 labels of shape (n,), got {dtype} {shape}</source>
        <translation>{path}：应为形状 (n,) 的 uint8 标签，实际为 {dtype} {shape}</translation>
    </message>
    <message>
        <source>{path}: {n} images but {labels} has {m} labels</source>
        <translation>{path}：有 {n} 张图像，但 {labels} 有 {m} 个标签</translation>
    </message>
    <message>
        <source>{path}: label {label} outside 0..{last}</source>
        <translation>{path}：标签 {label} 超出 0..{last}</translation>
    </message>
    <message>
        <source>{folder}: no such folder</source>
        <translation>{folder}：没有这个文件夹</translation>
    </message>
    <message>
        <source>{folder}: training images have {n} pixels, test images {m}</source>
        <translation>{folder}：训练图像有 {n} 个像素，测试图像有 {m} 个</translation>
    </message>
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
    <message>
        <source>MNIST (bundled subset)</source>
        <translation>MNIST（自带子集）</translation>
    </message>
    <message>
        <source>MNIST (full)</source>
        <translation>MNIST（完整）</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>{key}: unknown option {item} (use features=, label=, test=)</source>
        <translation>{key}：未知选项 {item}（可用 features=、label=、test=）</translation>
    </message>
    <message>
        <source>the test fraction must lie between 0 and 1 (got {got})</source>
        <translation>测试集比例必须介于 0 和 1 之间（现为 {got}）</translation>
    </message>
    <message>
        <source>{key}: input features apply to the 2-D datasets only</source>
        <translation>{key}：输入特征只适用于二维数据集</translation>
    </message>
    <message>
        <source>{key}: a label column applies to CSV files only</source>
        <translation>{key}：标签列只适用于 CSV 文件</translation>
    </message>
    <message>
        <source>{key} has a fixed test set: a test fraction applies to CSV files, image folders and the 2-D datasets</source>
        <translation>{key} 的测试集是固定的：测试集比例只适用于 CSV 文件、图像文件夹和二维数据集</translation>
    </message>
    <message>
        <source>full MNIST is not downloaded yet ({mb} MB): run &apos;{command}&apos; or pick it in the app&apos;s dataset list (cache folder {folder})</source>
        <translation>完整 MNIST 尚未下载（{mb} MB）：请运行“{command}”，或在程序的数据集列表中选择它（缓存文件夹 {folder}）</translation>
    </message>
    <message>
        <source>Fashion-MNIST is not on this machine: &apos;{fetch}&apos; downloads it, &apos;{apt}&apos; installs it in {folder}, or pass a folder holding its four IDX files</source>
        <translation>本机上没有 Fashion-MNIST：“{fetch}”可下载它，“{apt}”会把它安装到 {folder}，或者指定一个存放其四个 IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>unknown dataset {key}: use {names}, a CSV file, a folder of IDX files or a folder of class folders of images</source>
        <translation>未知的数据集 {key}：请用 {names}、一个 CSV 文件、一个装有 IDX 文件的文件夹，或一个按类别分子文件夹存放图像的文件夹</translation>
    </message>
    <message>
        <source>{path}: not a readable PNG or JPEG image ({why})</source>
        <extracomment>Refuse folders with more images than this (the app holds them all in memory, 3 kB each).</extracomment>
        <translation>{path}：不是可读的 PNG 或 JPEG 图像（{why}）</translation>
    </message>
    <message>
        <source>{path}: the image has no pixels</source>
        <translation>{path}：图像没有像素</translation>
    </message>
    <message>
        <source>{path}: the image is blank (no ink after preprocessing)</source>
        <translation>{path}：图像是空白的（预处理后没有笔迹）</translation>
    </message>
    <message>
        <source>{folder}: no class folders (put each class&apos;s images in a sub-folder named after the class)</source>
        <translation>{folder}：没有类别文件夹（请把每个类别的图像放进以该类别命名的子文件夹）</translation>
    </message>
    <message>
        <source>{folder}: no images (.png, .jpg or .jpeg) in its class folders</source>
        <translation>{folder}：类别文件夹中没有图像（.png、.jpg 或 .jpeg）</translation>
    </message>
    <message>
        <source>{folder}: class folder {name} has no images (.png, .jpg or .jpeg)</source>
        <translation>{folder}：类别文件夹 {name} 中没有图像（.png、.jpg 或 .jpeg）</translation>
    </message>
    <message>
        <source>{folder}: only one class ({name}); a classifier needs at least two class folders</source>
        <translation>{folder}：只有一个类别（{name}）；分类器至少需要两个类别文件夹</translation>
    </message>
    <message>
        <source>{folder}: {n} images, more than the {limit} a folder may have</source>
        <translation>{folder}：共 {n} 张图像，超过一个文件夹允许的 {limit} 张</translation>
    </message>
    <message>
        <source>{name} cannot be a class folder&apos;s name</source>
        <translation>{name} 不能作为类别文件夹的名称</translation>
    </message>
    <message>
        <source>the canvas is blank: draw something first</source>
        <translation>画布是空白的：请先画点什么</translation>
    </message>
    <message>
        <source>unknown input feature {name}; choose from {names}</source>
        <extracomment>Noise (standard deviation of the Gaussian jitter added to each coordinate) by default. Feature name → function of the points P (n, 2) giving one column (n,). The canonical names. How each feature is written on screen.</extracomment>
        <translation>未知的输入特征 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>input feature {name} is listed twice</source>
        <translation>输入特征 {name} 出现了两次</translation>
    </message>
    <message>
        <source>choose at least one input feature from {names}</source>
        <translation>请从 {names} 中至少选择一个输入特征</translation>
    </message>
    <message>
        <source>unknown 2-D dataset {name}; choose one of {names}</source>
        <translation>未知的二维数据集 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>the number of points must lie in 4…{n} (got {got})</source>
        <translation>点数必须在 4…{n} 之间（现为 {got}）</translation>
    </message>
    <message>
        <source>the noise must lie in 0…{max} (got {got})</source>
        <translation>噪声必须在 0…{max} 之间（现为 {got}）</translation>
    </message>
    <message>
        <source>{name} has 2 classes; only blobs can have 2–4 (got {got})</source>
        <translation>{name} 有 2 个类别；只有 blobs 可以有 2–4 个（现为 {got}）</translation>
    </message>
    <message>
        <source>{text}: unknown setting {key} (use {keys})</source>
        <translation>{text}：未知设置 {key}（可用 {keys}）</translation>
    </message>
    <message>
        <source>{text}: {key} must be a number (got {value})</source>
        <translation>{text}：{key} 必须是数字（现为 {value}）</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>紫</translation>
    </message>
    <message>
        <source>2-D: a disc inside a ring (2 classes)</source>
        <translation>二维：圆环里套一个圆盘（2 个类别）</translation>
    </message>
    <message>
        <source>2-D: noisy XOR of the signs of x₁ and x₂ (2 classes)</source>
        <translation>二维：x₁ 与 x₂ 符号的带噪声异或（2 个类别）</translation>
    </message>
    <message>
        <source>2-D: two interleaved spirals (2 classes)</source>
        <translation>二维：两条交错的螺旋（2 个类别）</translation>
    </message>
    <message>
        <source>2-D: Gaussian blobs, 2–4 classes (blobs?classes=3)</source>
        <translation>二维：高斯团，2–4 个类别（blobs?classes=3）</translation>
    </message>
    <message>
        <source>2-D: two interleaved half moons (2 classes)</source>
        <translation>二维：两个交错的半月形（2 个类别）</translation>
    </message>
    <message>
        <source>{mb} MB is larger than the {limit} MB a table may have</source>
        <translation>{mb} MB 超过了表格允许的 {limit} MB</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>is a folder, not a CSV file</source>
        <translation>是文件夹，不是 CSV 文件</translation>
    </message>
    <message>
        <source>the file is empty (a CSV needs a header row and data rows)</source>
        <translation>文件是空的（CSV 需要一个表头行和若干数据行）</translation>
    </message>
    <message>
        <source>binary data (a zero byte at byte {pos}), not a CSV text file</source>
        <translation>二进制数据（第 {pos} 字节为零字节），不是 CSV 文本文件</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {pos} cannot be decoded), not a CSV text file</source>
        <translation>不是 UTF-8 文本（第 {pos} 字节无法解码），不是 CSV 文本文件</translation>
    </message>
    <message>
        <source>only a header row, no data rows</source>
        <translation>只有表头行，没有数据行</translation>
    </message>
    <message>
        <source>row 1</source>
        <translation>第 1 行</translation>
    </message>
    <message>
        <source>no feature columns: the header has {n} column, a table needs feature columns and a label column</source>
        <translation>没有特征列：表头只有 {n} 列，表格需要特征列和一个标签列</translation>
    </message>
    <message>
        <source>the first row holds only numbers; a CSV needs a header row naming its columns</source>
        <translation>第一行全是数字；CSV 需要一个给各列命名的表头行</translation>
    </message>
    <message>
        <source>a column has no name</source>
        <translation>有一列没有名称</translation>
    </message>
    <message>
        <source>column {name} appears twice</source>
        <translation>列 {name} 出现了两次</translation>
    </message>
    <message>
        <source>no column named {label} (the columns are {names})</source>
        <translation>没有名为 {label} 的列（各列为 {names}）</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>{n} fields, but the header has {m} columns</source>
        <translation>有 {n} 个字段，但表头有 {m} 列</translation>
    </message>
    <message>
        <source>row {row}, column {name}</source>
        <translation>第 {row} 行，列 {name}</translation>
    </message>
    <message>
        <source>the cell is empty (missing values are not supported)</source>
        <translation>单元格为空（不支持缺失值）</translation>
    </message>
    <message>
        <source>{text} is not a number (a feature column must hold numbers only)</source>
        <translation>{text} 不是数字（特征列只能含数字）</translation>
    </message>
    <message>
        <source>{text} is not a finite number</source>
        <translation>{text} 不是有限数</translation>
    </message>
    <message>
        <source>the label is empty</source>
        <translation>标签为空</translation>
    </message>
    <message>
        <source>column {name}</source>
        <translation>列 {name}</translation>
    </message>
    <message>
        <source>every row has the label {label}: a classifier needs at least two classes</source>
        <translation>每一行的标签都是 {label}：分类器至少需要两个类别</translation>
    </message>
    <message>
        <source>{n} different labels; a label column holds classes (at most 1000)</source>
        <translation>有 {n} 种不同的标签；标签列存放的是类别（最多 1000 个）</translation>
    </message>
    <message>
        <source>{name}: the standardisation is for {n} columns, the table has {m}</source>
        <translation>{name}：标准化参数针对 {n} 列，表格却有 {m} 列</translation>
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
        <translation>反向传播所用的标签 y（默认：网络认为的类别）</translation>
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
        <translation>网络认为是 &lt;b&gt;{name}&lt;/b&gt;</translation>
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
        <source>Softmax outputs: positive and adding up to 1, the network&apos;s probability for each class.</source>
        <translation>柔性最大值输出：都是正数且总和为 1，是网络给每个类别的概率。</translation>
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
    <name>Export</name>
    <message>
        <source>Exported from bpviz</source>
        <translation>由 bpviz 导出</translation>
    </message>
    <message>
        <source>Network view</source>
        <translation>网络视图</translation>
    </message>
    <message>
        <source>Cost plot</source>
        <translation>代价曲线图</translation>
    </message>
    <message>
        <source>Step-through: equations</source>
        <translation>逐步演示：方程</translation>
    </message>
    <message>
        <source>Side panel: {name}</source>
        <translation>侧边面板：{name}</translation>
    </message>
    <message>
        <source>Bottom panel: {name}</source>
        <translation>底部面板：{name}</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Mini-batch anatomy</source>
        <translation>小批量剖析</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {name} ({w} × {h} pixels).</source>
        <translation>已保存 {name}（{w} × {h} 像素）。</translation>
    </message>
    <message>
        <source>Saved {name} (SVG).</source>
        <translation>已保存 {name}（SVG）。</translation>
    </message>
    <message>
        <source>PNG at {scale}× ({w} × {h})…</source>
        <translation>PNG，{scale}×（{w} × {h}）…</translation>
    </message>
    <message>
        <source>SVG (vector)…</source>
        <translation>SVG（矢量）…</translation>
    </message>
    <message>
        <source>Copy image (2×)</source>
        <translation>复制图像（2×）</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>导出为 PNG</translation>
    </message>
    <message>
        <source>Export as SVG</source>
        <translation>导出为 SVG</translation>
    </message>
    <message>
        <source>Copied the picture ({w} × {h} pixels).</source>
        <translation>已复制图像（{w} × {h} 像素）。</translation>
    </message>
    <message>
        <source>Open the Step tab first: there is no step to copy.</source>
        <translation>请先打开“逐步”页：目前没有可复制的步骤。</translation>
    </message>
    <message>
        <source>Copied the equation as LaTeX.</source>
        <translation>已将方程复制为 LaTeX。</translation>
    </message>
    <message>
        <source>Copied the equation as text.</source>
        <translation>已将方程复制为文本。</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <source>Copy the step&apos;s equation as LaTeX</source>
        <translation>将本步的方程复制为 LaTeX</translation>
    </message>
    <message>
        <source>Copy the step&apos;s equation as text</source>
        <translation>将本步的方程复制为文本</translation>
    </message>
    <message>
        <source>{table} as CSV…</source>
        <translation>将{table}导出为 CSV…</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>将表格导出为 CSV</translation>
    </message>
    <message>
        <source>Export this view</source>
        <translation>导出此视图</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>kept update of the step-through</source>
        <translation>保留的逐步演示更新</translation>
    </message>
    <message>
        <source>teaching step</source>
        <translation>教学步骤</translation>
    </message>
    <message>
        <source>weights changed by hand</source>
        <translation>手动修改权重</translation>
    </message>
</context>
<context>
    <name>Hover</name>
    <message>
        <source>input neuron {j} (pixel row {r}, column {c})</source>
        <translation>输入神经元 {j}（像素第 {r} 行，第 {c} 列）</translation>
    </message>
    <message>
        <source>input neuron {j}</source>
        <translation>输入神经元 {j}</translation>
    </message>
    <message>
        <source>output neuron {j} of layer {l}</source>
        <translation>第 {l} 层的输出神经元 {j}</translation>
    </message>
    <message>
        <source>  (class {name})</source>
        <translation>（类别 {name}）</translation>
    </message>
    <message>
        <source>hidden neuron {j} of layer {l}</source>
        <translation>第 {l} 层的隐藏神经元 {j}</translation>
    </message>
    <message>
        <source>({w} before)</source>
        <translation>（更新前 {w}）</translation>
    </message>
    <message>
        <source>from neuron {k} of layer {lk} to neuron {j} of layer {l}</source>
        <translation>从第 {lk} 层的神经元 {k} 到第 {l} 层的神经元 {j}</translation>
    </message>
</context>
<context>
    <name>InputSpaceView</name>
    <message>
        <source>The input space is drawn for the 2-D datasets (circles, moons, spiral, blobs, quadrants): choose one in the Train tab.</source>
        <extracomment>Redraw at most this often while training runs (ms): the maps follow the weights live. Neurons shown per layer in the maps beside the plane (wider layers show their first ones), and the most tiles in one column (a layer with more takes several columns). A shift-click or right-click removes the nearest point within this distance (plane units).</extracomment>
        <translation>输入空间只为二维数据集（circles、moons、spiral、blobs、quadrants）绘制：请在“训练”标签页中选择一个。</translation>
    </message>
    <message>
        <source>The class of the points you click in</source>
        <translation>点击添加的点所属的类别</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove every training point (the test points stay, to measure the network on); then click new ones in</source>
        <translation>移除所有训练点（测试点保留，用来衡量网络）；然后点击添加新的点</translation>
    </message>
    <message>
        <source>Noise: the standard deviation of the jitter added to each point</source>
        <translation>噪声：加到每个点上的抖动的标准差</translation>
    </message>
    <message>
        <source>How many points the dataset has (training and test)</source>
        <translation>数据集的点数（训练和测试合计）</translation>
    </message>
    <message>
        <source>Classes (blobs only)</source>
        <translation>类别数（仅 blobs）</translation>
    </message>
    <message>
        <source>New data</source>
        <translation>重新生成数据</translation>
    </message>
    <message>
        <source>Make the dataset again with this noise and number of points (a new network fits it)</source>
        <translation>按这个噪声和点数重新生成数据集（并换一个与之匹配的新网络）</translation>
    </message>
    <message>
        <source>In the nodes</source>
        <translation>画在节点里</translation>
    </message>
    <message>
        <source>Draw each neuron&apos;s output over the plane inside its node of the network too</source>
        <translation>同时把每个神经元在平面上的输出画在网络图中它的节点里</translation>
    </message>
    <message>
        <source>Click: add a point · Shift-click or right-click: remove the nearest · filled: training, hollow: test</source>
        <extracomment>the maps drawn into the network view&apos;s nodes (set by install())</extracomment>
        <translation>点击：添加一个点 · Shift+点击或右键：移除最近的点 · 实心：训练，空心：测试</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <source>The last test point stays: the network is measured on it.</source>
        <translation>最后一个测试点保留：网络要在它上面衡量。</translation>
    </message>
    <message>
        <source>Input space</source>
        <translation>输入空间</translation>
    </message>
    <message>
        <source>2-D data: the points, the decision regions and every neuron&apos;s output over the plane</source>
        <translation>二维数据：数据点、决策区域，以及每个神经元在整个平面上的输出</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>input</source>
        <extracomment>For the first hidden layer when the input is a grid: (n_2, 4) rects x, y, w, h of the incoming-weight tiles, else None. Image rows from one tile&apos;s top to the next one&apos;s (tile side + transparent gap). (rows, cols) when the tiles form a grid (a wrapped layer 2); the mosaic&apos;s gap is TILE_GAP_PX.</extracomment>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <source>{n} neurons</source>
        <translation>{n} 个神经元</translation>
    </message>
</context>
<context>
    <name>Learning</name>
    <message>
        <source>layer 2 (first hidden)</source>
        <extracomment>One colour per hidden layer (layer 2 first), readable on the dark background.</extracomment>
        <translation>第 2 层（第一个隐藏层）</translation>
    </message>
    <message>
        <source>layer {l} (last hidden)</source>
        <translation>第 {l} 层（最后一个隐藏层）</translation>
    </message>
    <message>
        <source>layer {l} (hidden)</source>
        <translation>第 {l} 层（隐藏层）</translation>
    </message>
    <message>
        <source>[{sizes}] {cost}, η = {eta}, {init}</source>
        <translation>[{sizes}] {cost}，η = {eta}，{init}</translation>
    </message>
    <message>
        <source>Speed of learning ‖δ&lt;sup&gt;l&lt;/sup&gt;‖ = ‖∂C/∂b&lt;sup&gt;l&lt;/sup&gt;‖ per hidden layer</source>
        <translation>各隐藏层的学习速度 ‖δ&lt;sup&gt;l&lt;/sup&gt;‖ = ‖∂C/∂b&lt;sup&gt;l&lt;/sup&gt;‖</translation>
    </message>
    <message>
        <source>‖∂C/∂b&lt;sup&gt;l&lt;/sup&gt;‖  (log scale)</source>
        <translation>‖∂C/∂b&lt;sup&gt;l&lt;/sup&gt;‖（对数刻度）</translation>
    </message>
    <message>
        <source>epochs trained</source>
        <translation>已训练的迭代期</translation>
    </message>
    <message>
        <source>What each curve is measured on, and the book&apos;s figures</source>
        <translation>每条曲线是在什么上测量的，以及书中的数据</translation>
    </message>
    <message>
        <source>‖∂C/∂b^l‖ is the gradient of the mean cost over the first N training images (the book: 1,000). Changing N starts the curves again.</source>
        <translation>‖∂C/∂b^l‖ 是前 N 张训练图像上平均代价的梯度（书中：1,000）。修改 N 会重新开始画曲线。</translation>
    </message>
    <message>
        <source>measured on the first</source>
        <translation>测量用前</translation>
    </message>
    <message>
        <source>training images</source>
        <translation>张训练图像</translation>
    </message>
    <message>
        <source>book {v}</source>
        <translation>书中 {v}</translation>
    </message>
    <message>
        <source>[{sizes}] has no hidden layer: there is no hidden speed of learning to show.</source>
        <translation>[{sizes}] 没有隐藏层：没有隐藏层的学习速度可显示。</translation>
    </message>
    <message>
        <source>The hidden layers learn about equally fast.</source>
        <translation>各隐藏层学得差不多一样快。</translation>
    </message>
    <message>
        <source>The first hidden layer learns {r}× more slowly than the last.</source>
        <translation>第一个隐藏层比最后一个隐藏层学得慢 {r} 倍。</translation>
    </message>
    <message>
        <source>The first hidden layer learns {r}× faster than the last.</source>
        <translation>第一个隐藏层比最后一个隐藏层学得快 {r} 倍。</translation>
    </message>
    <message>
        <source>bpviz: the first {n} training images of {data}, {cost}, the network&apos;s current weights (after {epochs} epochs; output layer {output}; one computation {ms} ms, refreshed while training at most every {s} s).</source>
        <translation>bpviz：{data} 的前 {n} 张训练图像，{cost}，网络当前的权重（已训练 {epochs} 个迭代期；输出层 {output}；每次计算 {ms} ms，训练时最多每 {s} 秒刷新一次）。</translation>
    </message>
    <message>
        <source>★ (stars at epoch 0) The book: {values} — one network at initialisation (cross-entropy, weights N(0, 1/n_in)), first 1,000 MNIST training images, pixels scaled by 1/256 (bpviz: 1/255); its random weights differ too.</source>
        <translation>★（第 0 个迭代期处的星号）书中：{values}——一个刚初始化的网络（交叉熵，权重 N(0, 1/n_in)），前 1,000 张 MNIST 训练图像，像素按 1/256 缩放（bpviz 为 1/255）；随机权重也不同。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{layers}.</source>
        <translation>{layers}。</translation>
    </message>
    <message>
        <source>layer {l} {v}</source>
        <translation>第 {l} 层 {v}</translation>
    </message>
    <message>
        <source>Yours uses the {cost} and {init}, not the book&apos;s setting.</source>
        <translation>你的网络使用{cost}和{init}，不是书中的设置。</translation>
    </message>
    <message>
        <source>The book reports figures only for [784,30,30,10], [784,30,30,30,10] and [784,30,30,30,30,10] (chapter 5 preset).</source>
        <translation>书中只给出了 [784,30,30,10]、[784,30,30,30,10] 和 [784,30,30,30,30,10] 的数据（第 5 章预设）。</translation>
    </message>
    <message>
        <source>w²_jk (incoming weight)</source>
        <translation>w²_jk（输入权重）</translation>
    </message>
    <message>
        <source>Hover a tile to name its neuron; click it to select that neuron</source>
        <translation>鼠标悬停在小图上显示对应的神经元；点击可选中该神经元</translation>
    </message>
    <message>
        <source>Each tile: one neuron of layer 2; its 784 incoming weights w^2_jk laid out as the 28×28 input image. Red pushes the neuron up where the pixel is ink, blue pushes it down. Click a tile to select the neuron.</source>
        <translation>每张小图：第 2 层的一个神经元；它的 784 个输入权重 w^2_jk 按 28×28 输入图像排列。像素有墨迹时，红色使该神经元的值升高，蓝色使其降低。点击小图可选中该神经元。</translation>
    </message>
    <message>
        <source>The input has {n} values, not 784 = 28×28 and the net has no hidden layer: the first hidden layer&apos;s weights cannot be shown as 28×28 images.</source>
        <translation>输入有 {n} 个值，不是 784 = 28×28，而且网络没有隐藏层：无法把第一个隐藏层的权重显示为 28×28 图像。</translation>
    </message>
    <message>
        <source>The input has {n} values, not 784 = 28×28: the first hidden layer&apos;s weights cannot be shown as 28×28 images.</source>
        <translation>输入有 {n} 个值，不是 784 = 28×28：无法把第一个隐藏层的权重显示为 28×28 图像。</translation>
    </message>
    <message>
        <source>{n} neurons of layer 2, each tile its 784 incoming weights w²&lt;sub&gt;jk&lt;/sub&gt; as the 28×28 image (tile j at row j // {cols}, column j % {cols}); colours symmetric about 0, scale ±{vmax} (99 % of the |w| are within it; larger ones at full colour).</source>
        <translation>第 2 层的 {n} 个神经元，每张小图是它的 784 个输入权重 w²&lt;sub&gt;jk&lt;/sub&gt; 排成的 28×28 图像（小图 j 位于第 j // {cols} 行、第 j % {cols} 列）；颜色关于 0 对称，刻度 ±{vmax}（99% 的 |w| 在此范围内；更大的以最深颜色显示）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Neuron {j} of layer 2&lt;/b&gt;: incoming weights from {lo} to {hi}, bias b = {b}. Click to select it.</source>
        <translation>&lt;b&gt;第 2 层神经元 {j}&lt;/b&gt;：输入权重从 {lo} 到 {hi}，偏置 b = {b}。点击可选中它。</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>迭代期</translation>
    </message>
    <message>
        <source>Training cost C</source>
        <translation>训练代价 C</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>‖∂C/∂b&lt;sup&gt;l&lt;/sup&gt;‖ (log scale)</source>
        <translation>‖∂C/∂b&lt;sup&gt;l&lt;/sup&gt;‖（对数刻度）</translation>
    </message>
    <message>
        <source>Choose a setting in Learning → Twin runs and press Run twins.</source>
        <translation>在“学习”→“对照训练”中选择一项设置，然后按“运行对照训练”。</translation>
    </message>
    <message>
        <source>run {name}, layer {l} (output)</source>
        <translation>训练 {name}，第 {l} 层（输出层）</translation>
    </message>
    <message>
        <source>run {name}, layer {l}</source>
        <translation>训练 {name}，第 {l} 层</translation>
    </message>
    <message>
        <source>The book&apos;s experiments</source>
        <translation>书中的实验</translation>
    </message>
    <message>
        <source>One of the book&apos;s experiments (or a demonstration of a bad η)</source>
        <translation>书中的一个实验（或一个不良 η 的演示）</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Use these settings (a new network when the sizes, cost or init change; a replaced trained network can be brought back with Ctrl+Z)</source>
        <translation>使用这些设置（层大小、代价函数或初始化改变时会生成新网络；被替换的已训练网络可用 Ctrl+Z 找回）</translation>
    </message>
    <message>
        <source>The settings, the book&apos;s figure and what bpviz measured</source>
        <translation>设置、书中的结果，以及 bpviz 测得的结果</translation>
    </message>
    <message>
        <source>Book: {acc} %</source>
        <translation>书中：{acc}%</translation>
    </message>
    <message>
        <source>Book: no accuracy figure</source>
        <translation>书中：没有准确率数据</translation>
    </message>
    <message>
        <source>{book}. {note}</source>
        <translation>{book}。{note}</translation>
    </message>
    <message>
        <source>&lt;i&gt;bpviz measured&lt;/i&gt;: {text}</source>
        <translation>&lt;i&gt;bpviz 测得&lt;/i&gt;：{text}</translation>
    </message>
    <message>
        <source>Not applied: this experiment needs 784 inputs and 10 classes (MNIST); {data} has {n} inputs and {k} classes.</source>
        <translation>未应用：这个实验需要 784 个输入和 10 个类别（MNIST）；{data} 有 {n} 个输入和 {k} 个类别。</translation>
    </message>
    <message>
        <source>Not applied: {error}</source>
        <translation>未应用：{error}</translation>
    </message>
    <message>
        <source>Preset “{title}”: {settings}. Press Train (Space).</source>
        <translation>预设“{title}”：{settings}。请按“训练”（Space）。</translation>
    </message>
    <message>
        <source>The settings changed: the preset&apos;s target line was removed.</source>
        <translation>设置已改变：预设的目标线已移除。</translation>
    </message>
    <message>
        <source>Target line on the accuracy plot: </source>
        <translation>准确率图上的目标线：</translation>
    </message>
    <message>
        <source>book {acc} % · full MNIST, 50,000 train · loaded: {loaded}, {n}</source>
        <translation>书中 {acc}% · 完整 MNIST，50,000 张训练图像 · 已加载：{loaded}，{n}</translation>
    </message>
    <message>
        <source>Saturation: why a neuron learns slowly</source>
        <translation>饱和：神经元为何学得慢</translation>
    </message>
    <message>
        <source>Mark saturated neurons</source>
        <translation>标出饱和的神经元</translation>
    </message>
    <message>
        <source>Ring every neuron whose σ′(z) &lt; {t} on the network (while this tab is shown). Shortcut: Ctrl+Shift+S</source>
        <translation>在网络上为每个 σ′(z) &lt; {t} 的神经元加圆环（仅在显示本页时）。快捷键：Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>shown sample</source>
        <translation>当前样本</translation>
    </message>
    <message>
        <source>share of a mini-batch</source>
        <translation>小批量中的比例</translation>
    </message>
    <message>
        <source>Mark the neurons saturated for the shown test image, or colour each neuron by the share of a random mini-batch of m training images in which it is saturated</source>
        <translation>标出在当前测试图像上饱和的神经元，或按每个神经元在 m 张训练图像组成的随机小批量中饱和的比例着色</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>新小批量</translation>
    </message>
    <message>
        <source>Draw another random mini-batch of m training images</source>
        <translation>重新随机抽取一个由 m 张训练图像组成的小批量</translation>
    </message>
    <message>
        <source>for the</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Computed from the numbers of the shown sample and the selected neuron (click one on the network)</source>
        <translation>由当前样本和所选神经元（在网络上点击一个）的数值计算得出</translation>
    </message>
    <message>
        <source>&lt;b&gt;BP1 for both costs, same sample and weights&lt;/b&gt;</source>
        <translation>&lt;b&gt;两种代价函数的 BP1，样本和权重相同&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Quadratic: δ^L = (a − y)·σ′(z^L). Cross-entropy: δ^L = a − y (no σ′ factor).</source>
        <translation>二次代价：δ^L = (a − y)·σ′(z^L)。交叉熵：δ^L = a − y（没有 σ′ 因子）。</translation>
    </message>
    <message>
        <source>quadratic (a − y)·σ′(z)</source>
        <translation>二次代价 (a − y)·σ′(z)</translation>
    </message>
    <message>
        <source>cross-entropy a − y</source>
        <translation>交叉熵 a − y</translation>
    </message>
    <message>
        <source>output neuron j</source>
        <translation>输出神经元 j</translation>
    </message>
    <message>
        <source>Blue: quadratic δ^L = (a − y)·σ′(z^L). Orange: cross-entropy δ^L = a − y.</source>
        <translation>蓝色：二次代价 δ^L = (a − y)·σ′(z^L)。橙色：交叉熵 δ^L = a − y。</translation>
    </message>
    <message>
        <source>Per output neuron: a, y, σ′(z^L) and both δ^L (saturated rows in yellow)</source>
        <translation>每个输出神经元的 a、y、σ′(z^L) 和两个 δ^L（饱和的行标为黄色）</translation>
    </message>
    <message>
        <source>layer {l}: {c} of {n}</source>
        <translation>第 {l} 层：{n} 个中的 {c} 个</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>test image #{i} (label {label})</source>
        <translation>测试图像 #{i}（标签 {label}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Share of a mini-batch of {m} training images&lt;/b&gt; where each neuron has σ′(z) &amp;lt; {t}:</source>
        <translation>&lt;b&gt;在由 {m} 张训练图像组成的小批量中&lt;/b&gt;，每个神经元 σ′(z) &amp;lt; {t} 的比例：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saturated (σ′(z) &amp;lt; {t}) for {x}&lt;/b&gt;: {counts}.</source>
        <translation>&lt;b&gt;在{x}上饱和（σ′(z) &amp;lt; {t}）的神经元&lt;/b&gt;：{counts}。</translation>
    </message>
    <message>
        <source>(click a neuron on the network to explain it instead)</source>
        <translation>（点击网络上的一个神经元，改为解释它）</translation>
    </message>
    <message>
        <source>This compares the quadratic and cross-entropy costs of a sigmoid output layer. The network has a softmax output with the log-likelihood cost: its δᴸ = aᴸ − y has no f′ factor.</source>
        <translation>这里比较的是 sigmoid 输出层的二次代价和交叉熵。这个网络的输出层是柔性最大值，用对数似然代价：它的 δᴸ = aᴸ − y 没有 f′ 因子。</translation>
    </message>
    <message>
        <source>δ quadratic</source>
        <translation>δ 二次代价</translation>
    </message>
    <message>
        <source>δ cross-ent.</source>
        <translation>δ 交叉熵</translation>
    </message>
    <message>
        <source>Share saturated in a batch ({n} rings: &gt; half)</source>
        <translation>小批量中饱和的比例（{n} 个圆环：超过一半）</translation>
    </message>
    <message>
        <source>Saturated neurons: {n}</source>
        <translation>饱和的神经元：{n} 个</translation>
    </message>
    <message>
        <source>w · ring = saturated</source>
        <translation>w · 圆环 = 饱和</translation>
    </message>
    <message>
        <source>Twin runs: one setting differs</source>
        <translation>对照训练：只有一项设置不同</translation>
    </message>
    <message>
        <source>Run b changes</source>
        <translation>训练 b 修改</translation>
    </message>
    <message>
        <source>The one setting in which run b differs from run a (the Train tab&apos;s settings)</source>
        <translation>训练 b 与训练 a（“训练”页的设置）唯一不同的那项设置</translation>
    </message>
    <message>
        <source>Run b&apos;s value of that setting: pick one or type your own (e.g. quadratic, 0.5, 784,100,10, 3)</source>
        <translation>训练 b 在这项设置上的取值：从列表中选择或自己输入（例如 quadratic、0.5、784,100,10、3）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>迭代期</translation>
    </message>
    <message>
        <source>Epochs for both runs</source>
        <translation>两次训练的迭代期数</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>Train both runs on the first N training images (fewer: faster)</source>
        <translation>两次训练都只用前 N 张训练图像（越少越快）</translation>
    </message>
    <message>
        <source>Run twins</source>
        <translation>运行对照训练</translation>
    </message>
    <message>
        <source>Train both networks side by side (Ctrl+Shift+T); curves in the bottom tab “Twin runs”</source>
        <translation>并排训练两个网络（Ctrl+Shift+T）；曲线在底部的“对照训练”页</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop both runs before their next mini-batch</source>
        <translation>在下一个小批量之前停止两次训练</translation>
    </message>
    <message>
        <source>Learning slowdown (chapter 3)</source>
        <translation>学习减速（第 3 章）</translation>
    </message>
    <message>
        <source>Cross-entropy (a) against quadratic (b) from a badly saturated start (weights N(0, 9)), 5 epochs on 1,000 training images (Ctrl+Shift+L)</source>
        <translation>从严重饱和的起点（权重取自 N(0, 9)）比较交叉熵（a）与二次代价（b），在 1,000 张训练图像上训练 5 个迭代期（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>mini-batch %v / %m</source>
        <translation>小批量 %v / %m</translation>
    </message>
    <message>
        <source>Not started: {error}</source>
        <translation>未开始：{error}</translation>
    </message>
    <message>
        <source>Twin runs are still training: press Stop first.</source>
        <translation>对照训练仍在进行：请先按“停止”。</translation>
    </message>
    <message>
        <source>Not started: the sizes must start with {n} inputs and end with {k} outputs for {data}.</source>
        <translation>未开始：对 {data}，层大小必须以 {n} 个输入开始、以 {k} 个输出结束。</translation>
    </message>
    <message>
        <source>&lt;b&gt;identical initial weights&lt;/b&gt; and mini-batch order</source>
        <translation>&lt;b&gt;相同的初始权重&lt;/b&gt;和小批量顺序</translation>
    </message>
    <message>
        <source>&lt;b&gt;different initial weights&lt;/b&gt;: {note}</source>
        <translation>&lt;b&gt;不同的初始权重&lt;/b&gt;：{note}</translation>
    </message>
    <message>
        <source>{varied} differ: the initial weights cannot be identical; both runs share seed {seed} and the mini-batch order</source>
        <translation>{varied}不同：初始权重不可能完全相同；两次训练使用相同的随机种子 {seed} 和相同的小批量顺序</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>They differ in {varied}; {start}. {n} training images, {state}</source>
        <translation>两者的区别在于{varied}；{start}。{n} 张训练图像，{state}</translation>
    </message>
    <message>
        <source>after epoch {ea}: a {acca}, cost {ca} · after epoch {eb}: b {accb}, cost {cb}</source>
        <translation>第 {ea} 个迭代期后：a {acca}，代价 {ca} · 第 {eb} 个迭代期后：b {accb}，代价 {cb}</translation>
    </message>
    <message>
        <source>The two runs&apos; costs are different functions (quadratic vs cross-entropy): compare the shapes of the curves, not their heights.</source>
        <translation>两次训练的代价是不同的函数（二次代价与交叉熵）：请比较曲线的形状，而不是高度。</translation>
    </message>
    <message>
        <source>{start}; epoch 0 is the start. ‖∂C/∂b&lt;sup&gt;l&lt;/sup&gt;‖ on the first {n} training images, {styles}.</source>
        <translation>{start}；第 0 个迭代期即开始时。‖∂C/∂b&lt;sup&gt;l&lt;/sup&gt;‖ 在前 {n} 张训练图像上计算，{styles}。</translation>
    </message>
    <message>
        <source>solid</source>
        <translation>实线</translation>
    </message>
    <message>
        <source>dashed</source>
        <translation>虚线</translation>
    </message>
    <message>
        <source>dotted</source>
        <translation>点线</translation>
    </message>
    <message>
        <source>dash-dot</source>
        <translation>点划线</translation>
    </message>
    <message>
        <source>{style} = layer {l} (output)</source>
        <translation>{style} = 第 {l} 层（输出层）</translation>
    </message>
    <message>
        <source>{style} = layer {l}</source>
        <translation>{style} = 第 {l} 层</translation>
    </message>
    <message>
        <source>Stopped by an error: {error}</source>
        <translation>因错误而停止：{error}</translation>
    </message>
    <message>
        <source>Speed of learning</source>
        <translation>学习速度</translation>
    </message>
    <message>
        <source>‖∂C/∂b^l‖ per hidden layer: earlier layers learn more slowly</source>
        <translation>每个隐藏层的 ‖∂C/∂b^l‖：越靠前的层学得越慢</translation>
    </message>
    <message>
        <source>Twin runs</source>
        <translation>对照训练</translation>
    </message>
    <message>
        <source>Two runs that differ in one setting, overlaid</source>
        <translation>只有一项设置不同的两次训练，叠加显示</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>Each first-hidden-layer neuron&apos;s incoming weights as a 28×28 image</source>
        <translation>第一个隐藏层每个神经元的输入权重，显示为 28×28 图像</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Why a network learns — or does not: presets, saturation, twin runs</source>
        <translation>网络为什么能学习——或者学不动：预设、饱和、对照训练</translation>
    </message>
    <message>
        <source>Learning: presets, saturation, twin runs</source>
        <translation>学习：预设、饱和、对照训练</translation>
    </message>
    <message>
        <source>Show the Learning tab</source>
        <translation>显示“学习”页</translation>
    </message>
    <message>
        <source>Speed of learning per layer</source>
        <translation>各层的学习速度</translation>
    </message>
    <message>
        <source>Show ‖∂C/∂b^l‖ per hidden layer</source>
        <translation>显示每个隐藏层的 ‖∂C/∂b^l‖</translation>
    </message>
    <message>
        <source>Hidden units as images</source>
        <translation>隐藏单元图像</translation>
    </message>
    <message>
        <source>Show each first-hidden-layer neuron&apos;s weights as a 28×28 image</source>
        <translation>把第一个隐藏层每个神经元的权重显示为 28×28 图像</translation>
    </message>
    <message>
        <source>Show the Learning tab and toggle the saturation lens</source>
        <translation>显示“学习”页，并切换饱和着色</translation>
    </message>
    <message>
        <source>Train the two runs side by side</source>
        <translation>并排训练两次</translation>
    </message>
    <message>
        <source>Cross-entropy against quadratic cost from a saturated start</source>
        <translation>从饱和的起点比较交叉熵与二次代价</translation>
    </message>
    <message>
        <source>Measured with bpviz on the bundled images (1,000 training, 10,000 test), seeds 0-3: test accuracy after 5 epochs 69.6 / 65.9 / 65.5 / 71.4 % with cross-entropy, 10.6 / 30.8 / 25.7 / 21.3 % with the quadratic cost; at the start the output layer&apos;s ‖∂C/∂b‖ is 1.59-1.95 with cross-entropy and 0.047-0.071 with the quadratic cost, whose BP1 multiplies by the tiny σ′(z^L). About 0.4 s per pair.</source>
        <extracomment>Chapter 3&apos;s learning slowdown in a few seconds: run a uses the cross-entropy cost, run b (``SLOWDOWN_VARY``) the quadratic cost, from a start made badly saturated by drawing every weight and bias from N(0, 9) (the seed&apos;s N(0, 1) times 3), on the first SLOWDOWN_TRAIN_SIZE bundled training images.</extracomment>
        <translation>用 bpviz 在自带图像（1,000 张训练，10,000 张测试）上测得，随机种子 0-3：5 个迭代期后的测试准确率，交叉熵为 69.6 / 65.9 / 65.5 / 71.4%，二次代价为 10.6 / 30.8 / 25.7 / 21.3%；开始时输出层的 ‖∂C/∂b‖ 在交叉熵下为 1.59-1.95，在二次代价下为 0.047-0.071，因为二次代价的 BP1 要乘以很小的 σ′(z^L)。每对训练约 0.4 秒。</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>gradient ∂C/∂w</source>
        <translation>梯度 ∂C/∂w</translation>
    </message>
    <message>
        <source>change Δw</source>
        <translation>变化量 Δw</translation>
    </message>
    <message>
        <source>activation a</source>
        <translation>激活值 a</translation>
    </message>
    <message>
        <source>error δ</source>
        <translation>误差 δ</translation>
    </message>
    <message>
        <source>weighted input z</source>
        <translation>加权输入 z</translation>
    </message>
    <message>
        <source>change Δa</source>
        <translation>变化量 Δa</translation>
    </message>
    <message>
        <source>activation a after the update</source>
        <translation>更新后的激活值 a</translation>
    </message>
    <message>
        <source>share σ′ &lt; 0.01</source>
        <translation>σ′ &lt; 0.01 的比例</translation>
    </message>
    <message>
        <source>share off (z ≤ 0)</source>
        <translation>关闭（z ≤ 0）的比例</translation>
    </message>
    <message>
        <source>off (z ≤ 0)</source>
        <translation>关闭（z ≤ 0）</translation>
    </message>
    <message>
        <source>share tanh′ &lt; 0.04</source>
        <translation>tanh′ &lt; 0.04 的比例</translation>
    </message>
    <message>
        <source>edges: {name}  (±{v})</source>
        <extracomment>Node kinds drawn on the fixed grey scale 0…1 (everything else is signed, blue − / red +).</extracomment>
        <translation>连接：{name}（±{v}）</translation>
    </message>
    <message>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <source>layers {a}–{b}</source>
        <translation>第 {a}–{b} 层</translation>
    </message>
    <message>
        <source>layers {list}</source>
        <translation>第 {list} 层</translation>
    </message>
    <message>
        <source>{name} ({where}): 0 dark … 1 white</source>
        <translation>{name}（{where}）：0 暗 … 1 白</translation>
    </message>
    <message>
        <source>{name} ({where}): blue −{s} … red +{s}</source>
        <translation>{name}（{where}）：蓝 −{s} … 红 +{s}</translation>
    </message>
    <message>
        <source>not computed yet: layers {list}</source>
        <translation>尚未计算：第 {list} 层</translation>
    </message>
    <message>
        <source>not computed yet: layer {list}</source>
        <translation>尚未计算：第 {list} 层</translation>
    </message>
    <message>
        <source>nodes: {parts}</source>
        <translation>节点：{parts}</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>&lt;b&gt;Start here:&lt;/b&gt; short lessons that set up the network, ask you to predict a number and then check it against the network&apos;s own.</source>
        <translation>&lt;b&gt;从这里开始：&lt;/b&gt;简短的课程会设置好网络，请你预测一个数，然后用网络自己的数来核对。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Each lesson follows a section of the book: it sets up the network, asks for your prediction, then shows the network&apos;s own numbers.</source>
        <translation>每节课对应书中的一节：它设置好网络，请你先做预测，再给出网络自己的数。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>{title}
{seen} of {pages} pages seen · {right} of {questions} right at the first try</source>
        <translation>{title}
已看 {seen} / {pages} 页 · 第一次就答对 {right} / {questions} 题</translation>
    </message>
    <message>
        <source>All lessons</source>
        <translation>全部课程</translation>
    </message>
    <message>
        <source>Your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Lesson refused: {reason}</source>
        <translation>课程被拒绝：{reason}</translation>
    </message>
    <message>
        <source>End of the lesson: {right} of {questions} questions right at the first try.</source>
        <translation>课程结束：第一次就答对 {right} / {questions} 题。</translation>
    </message>
    <message>
        <source>Page {i} of {n}</source>
        <translation>第 {i} 页，共 {n} 页</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>正在设置…</translation>
    </message>
    <message>
        <source>This page could not be set up: {reason}</source>
        <translation>无法设置这一页：{reason}</translation>
    </message>
    <message>
        <source>Lesson page not set up (nothing changed): {reason}</source>
        <translation>课程页面未能设置（没有任何改变）：{reason}</translation>
    </message>
    <message>
        <source>Give an answer first.</source>
        <translation>请先给出答案。</translation>
    </message>
    <message>
        <source>The answer cannot be computed on this network: {reason}</source>
        <translation>在这个网络上无法算出答案：{reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;The network&apos;s answer:&lt;/b&gt; {answer}</source>
        <translation>&lt;b&gt;网络的答案：&lt;/b&gt;{answer}</translation>
    </message>
</context>
<context>
    <name>LessonStage</name>
    <message>
        <source>the lesson “{title}”</source>
        <translation>课程“{title}”</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>neuron {j} of layer {l}</source>
        <translation>第 {l} 层的神经元 {j}</translation>
    </message>
    <message>
        <source>the weight {w} (from neuron {k} of layer {p} to neuron {j} of layer {l})</source>
        <translation>权重 {w}（从第 {p} 层的神经元 {k} 到第 {l} 层的神经元 {j}）</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>答对了。</translation>
    </message>
    <message>
        <source>Not this time.</source>
        <translation>这次不对。</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>为正</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>为负</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>为零</translation>
    </message>
    <message>
        <source>The network gives {sym} = {value}: {sign}.</source>
        <translation>网络给出 {sym} = {value}：{sign}。</translation>
    </message>
    <message>
        <source>You said {given}.</source>
        <translation>你的答案是 {given}。</translation>
    </message>
    <message>
        <source>The network gives {sym} = {value}; you said {given}.</source>
        <translation>网络给出 {sym} = {value}；你的答案是 {given}。</translation>
    </message>
    <message>
        <source>The network gives {sym} = {value}; you said {given} (off by {off}; only the exact value counts).</source>
        <translation>网络给出 {sym} = {value}；你的答案是 {given}（相差 {off}；只有准确值算对）。</translation>
    </message>
    <message>
        <source>The network gives {sym} = {value}; you said {given} (off by {off}; within {tol} counts).</source>
        <translation>网络给出 {sym} = {value}；你的答案是 {given}（相差 {off}；相差在 {tol} 以内算对）。</translation>
    </message>
    <message>
        <source>Your {given} is too high.</source>
        <translation>你的 {given} 偏大。</translation>
    </message>
    <message>
        <source>Your {given} is too low.</source>
        <translation>你的 {given} 偏小。</translation>
    </message>
    <message>
        <source>The network&apos;s numbers: {parts}. The answer is {label}.</source>
        <translation>网络的数：{parts}。答案是{label}。</translation>
    </message>
    <message>
        <source>The network gives {sym} = {value}.</source>
        <translation>网络给出 {sym} = {value}。</translation>
    </message>
    <message>
        <source>The network gives {sym} = {value}: {label}.</source>
        <translation>网络给出 {sym} = {value}：{label}。</translation>
    </message>
    <message>
        <source>You chose {given}.</source>
        <translation>你选了{given}。</translation>
    </message>
    <message>
        <source>Largest first, the network&apos;s order is {parts}.</source>
        <translation>按从大到小，网络的顺序是 {parts}。</translation>
    </message>
    <message>
        <source>Your order was {given}.</source>
        <translation>你的顺序是 {given}。</translation>
    </message>
    <message>
        <source>It is {where} ({sym} = {value}).</source>
        <translation>答案是{where}（{sym} = {value}）。</translation>
    </message>
    <message>
        <source>It is {where}.</source>
        <translation>答案是{where}。</translation>
    </message>
    <message>
        <source>You picked {given}.</source>
        <translation>你选了{given}。</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>Try again, or reveal the network&apos;s answer.</source>
        <translation>再试一次，或者揭晓网络的答案。</translation>
    </message>
    <message>
        <source>larger than</source>
        <translation>大于</translation>
    </message>
    <message>
        <source>smaller than</source>
        <translation>小于</translation>
    </message>
    <message>
        <source>equal to</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>right</source>
        <translation>对</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Guided lessons through chapter 2: predict, then check against the network</source>
        <translation>带你走过第 2 章的课程：先预测，再用网络核对</translation>
    </message>
    <message>
        <source>Open &amp;lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>bpviz lessons (*.toml)</source>
        <translation>bpviz 课程 (*.toml)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>本课</translation>
    </message>
    <message>
        <source>Sample and neuron</source>
        <translation>样本与神经元</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>bpviz — watch backpropagation</source>
        <translation>bpviz——观察反向传播</translation>
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
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>One pinned weight followed through every sample of the Step tab&apos;s mini-batch, up to the update</source>
        <translation>固定一个权重，跟随它走过“逐步”页中小批量的每个样本，直到更新</translation>
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
        <extracomment>Ask before quitting discards unsaved training (set by the app; tests close freely).</extracomment>
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
        <source>Jump to the update</source>
        <translation>跳到更新</translation>
    </message>
    <message>
        <source>Previous sample of the mini-batch</source>
        <translation>小批量中的上一个样本</translation>
    </message>
    <message>
        <source>Next sample of the mini-batch</source>
        <translation>小批量中的下一个样本</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Fit network</source>
        <translation>适应窗口</translation>
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
        <source>Undo keeps {n} replaced networks ({mb} MB), newest first:
{list}</source>
        <translation>撤销列表保留 {n} 个被替换的网络（{mb} MB），最新的在前：
{list}</translation>
    </message>
    <message>
        <source>Space works wherever the focus is: no field takes it. While a field has the keyboard, every other key goes into it; Enter applies the field and hands the keyboard back, and S, B, N and F work again.</source>
        <translation>无论焦点在哪里，空格键都有效：任何输入框都不接收它。输入框获得键盘时，其余按键都输入到框中；按 Enter 应用该输入框并交还键盘，之后 S、B、N、F 再次可用。</translation>
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
        <translation>画布需要一个已训练的网络，因此载入了自带模型 {name}（{n} 张测试图像中答对 {percent}%）。在“训练”页点“重置”可从随机权重重新开始。</translation>
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
        <source>test accuracy {percent}% ({right} / {total}) after the last {what}</source>
        <translation>测试准确率 {percent}%（{right} / {total}），在最近一次{what}之后</translation>
    </message>
    <message>
        <source>test accuracy {percent}% ({right} / {total}) as opened from {name}</source>
        <translation>测试准确率 {percent}%（{right} / {total}），打开 {name} 时</translation>
    </message>
    <message>
        <source>saved to {name}</source>
        <translation>已保存到 {name}</translation>
    </message>
    <message>
        <source>validation {percent}%</source>
        <translation>验证集 {percent}%</translation>
    </message>
    <message>
        <source>test accuracy {percent}% ({right} / {total}){validation} after epoch {epoch}</source>
        <translation>测试准确率 {percent}%（{right} / {total}）{validation}，第 {epoch} 个迭代期后</translation>
    </message>
    <message>
        <source>bpviz — {name}[*]</source>
        <translation>bpviz——{name}[*]</translation>
    </message>
    <message>
        <source>Quit bpviz</source>
        <translation>退出 bpviz</translation>
    </message>
    <message>
        <source>The {what} is not saved. Quitting discards it.</source>
        <translation>{what}尚未保存。退出会丢弃它。</translation>
    </message>
    <message>
        <source>Save it to open it again later (File → Open), or quit without saving.</source>
        <translation>保存后可以稍后再打开（文件 → 打开），也可以不保存直接退出。</translation>
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
    <name>Mistakes</name>
    <message>
        <source>Which set the matrix counts: the test set, or the validation set when the data have one</source>
        <translation>矩阵统计哪个数据集：测试集，或者在数据有验证集时用验证集</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Run the network&apos;s latest weights over the set again (Ctrl+M). It is also recomputed after every epoch.</source>
        <translation>用网络的最新权重重新计算整个数据集（Ctrl+M）。每个迭代期结束后也会重新计算。</translation>
    </message>
    <message>
        <source>Images of the set the network classifies right, on the weights the matrix was computed on</source>
        <translation>在计算矩阵时所用的权重下，网络分类正确的图像数</translation>
    </message>
    <message>
        <source>Set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Rows: the true label; columns: what the network predicted. Click a cell to see its images.</source>
        <translation>行：真实标签；列：网络的预测。点击单元格可查看其中的图像。</translation>
    </message>
    <message>
        <source>rows: true label · columns: predicted</source>
        <translation>行：真实标签 · 列：预测</translation>
    </message>
    <message>
        <source>Click a cell of the matrix to see its images.</source>
        <translation>点击矩阵的单元格可查看其中的图像。</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>margin</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>index</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Order of the images. confidence: aᴸ_p, how sure the network was of its prediction p (highest first); margin: aᴸ_p − aᴸ_t, how far the true class t is behind (largest first); index: their position in the set</source>
        <translation>图像的排序方式。置信度：aᴸ_p，网络对其预测 p 的把握（从高到低）；差距：aᴸ_p − aᴸ_t，真实类别 t 落后多少（从大到小）；序号：在数据集中的位置</translation>
    </message>
    <message>
        <source>Each image with its output activations aᴸ as bars (green: the true label, red: a wrong prediction). Click an image to step through backpropagation on it.</source>
        <translation>每张图像及其输出层激活值 aᴸ 的柱状图（绿色：真实标签，红色：错误的预测）。点击图像可对它逐步查看反向传播。</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>test ({n} images)</source>
        <translation>测试集（{n} 张图像）</translation>
    </message>
    <message>
        <source>validation ({n} images)</source>
        <translation>验证集（{n} 张图像）</translation>
    </message>
    <message>
        <source> (the run&apos;s latest weights)</source>
        <translation>（本次训练的最新权重）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{right} / {total}&lt;/b&gt; right ({percent}%)</source>
        <translation>答对 &lt;b&gt;{right} / {total}&lt;/b&gt;（{percent}%）</translation>
    </message>
    <message>
        <source>Images of the {split} set the network classifies right, computed on the weights after {n} epoch{when}</source>
        <translation>网络在{split}上分类正确的图像数，用 {n} 个迭代期之后的权重计算{when}</translation>
    </message>
    <message>
        <source>Images of the {split} set the network classifies right, computed on the weights after {n} epochs{when}</source>
        <translation>网络在{split}上分类正确的图像数，用 {n} 个迭代期之后的权重计算{when}</translation>
    </message>
    <message>
        <source>correctly classified</source>
        <translation>分类正确</translation>
    </message>
    <message>
        <source>predicted as {label}</source>
        <translation>被预测为 {label}</translation>
    </message>
    <message>
        <source>{n} image of {label} {what} — click to see it</source>
        <translation>{n} 张 {label} 的图像{what}——点击查看</translation>
    </message>
    <message>
        <source>{n} images of {label} {what} — click to see them</source>
        <translation>{n} 张 {label} 的图像{what}——点击查看</translation>
    </message>
    <message>
        <source>&lt;b&gt;{true}&lt;/b&gt; taken for &lt;b&gt;{predicted}&lt;/b&gt; {n}×</source>
        <translation>&lt;b&gt;{true}&lt;/b&gt; 被误判为 &lt;b&gt;{predicted}&lt;/b&gt; {n} 次</translation>
    </message>
    <message>
        <source>Most confused: </source>
        <translation>最常混淆：</translation>
    </message>
    <message>
        <source>The off-diagonal cells with the most images (click a cell to see them):</source>
        <translation>图像最多的非对角单元格（点击单元格查看）：</translation>
    </message>
    <message>
        <source>No mistakes on this set.</source>
        <translation>这个数据集上没有错误。</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>{caption} ({split} set).</source>
        <translation>{caption}（{split}）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{name}: {a}</source>
        <translation>{name}：{a}</translation>
    </message>
    <message>
        <source>{split} image #{i}: true label {true}, predicted {predicted} (aᴸ = {a})
aᴸ: {bars}
Click: step through backpropagation on it with target {target}</source>
        <translation>{split}图像 #{i}：真实标签 {true}，预测 {predicted}（aᴸ = {a}）
aᴸ：{bars}
点击：以 {target} 为目标对它逐步查看反向传播</translation>
    </message>
    <message>
        <source> Showing the first {n}.</source>
        <translation> 只显示前 {n} 张。</translation>
    </message>
    <message>
        <source>Pause or stop training first: the step-through needs weights that stand still.</source>
        <translation>请先暂停或停止训练：逐步演示需要固定不变的权重。</translation>
    </message>
    <message>
        <source>Teach it this example</source>
        <translation>教它这个样本</translation>
    </message>
    <message>
        <source>the test image shown</source>
        <translation>当前显示的测试图像</translation>
    </message>
    <message>
        <source>the digit drawn in the Draw tab</source>
        <translation>“手写”页中写的数字</translation>
    </message>
    <message>
        <source>Which input to teach: the test image the window shows (pick one in the Sample panel or the gallery) or the digit you drew in the Draw tab</source>
        <translation>要教的输入：窗口显示的测试图像（在样本面板或图库中选择）或你在“手写”页写的数字</translation>
    </message>
    <message>
        <source>The label to teach: the target y is its one-hot vector</source>
        <translation>要教的标签：目标 y 是它的独热向量</translation>
    </message>
    <message>
        <source>Learning rate η of this one step</source>
        <translation>这一步的学习速率 η</translation>
    </message>
    <message>
        <source>Teach (one step)</source>
        <translation>教（一步）</translation>
    </message>
    <message>
        <source>One gradient-descent step on this example alone: w → w − η δ (a)ᵀ, b → b − η δ (Ctrl+T). Repeat to watch it learn the example.</source>
        <translation>只在这一个样本上做一步梯度下降：w → w − η δ (a)ᵀ，b → b − η δ（Ctrl+T）。重复几次，观察它如何学会这个样本。</translation>
    </message>
    <message>
        <source>Undo step</source>
        <translation>撤销一步</translation>
    </message>
    <message>
        <source>Put back the weights from before the last teaching step, bit for bit (Ctrl+U; Ctrl+Z is the window&apos;s undo of replaced networks)</source>
        <translation>逐位恢复最后一次教学步骤之前的权重（Ctrl+U；Ctrl+Z 是窗口对被替换网络的撤销）</translation>
    </message>
    <message>
        <source>Undo all</source>
        <translation>全部撤销</translation>
    </message>
    <message>
        <source>Put back the weights from before the first teaching step</source>
        <translation>恢复第一次教学步骤之前的权重</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>Label k:</source>
        <translation>标签 k：</translation>
    </message>
    <message>
        <source>What the step did</source>
        <translation>这一步做了什么</translation>
    </message>
    <message>
        <source>No step yet.</source>
        <translation>还没有执行任何步骤。</translation>
    </message>
    <message>
        <source>grey: before the step · blue: after</source>
        <translation>灰色：这一步之前 · 蓝色：之后</translation>
    </message>
    <message>
        <source>Output activations of this input before the last step (grey) and after (blue)</source>
        <translation>这个输入在最后一步之前（灰色）和之后（蓝色）的输出层激活值</translation>
    </message>
    <message>
        <source>Show the changed test images</source>
        <translation>显示预测改变的测试图像</translation>
    </message>
    <message>
        <source>Show in the Mistakes gallery exactly the test images whose prediction the last step changed</source>
        <translation>在“错误”图库中只显示最后一步改变了预测的测试图像</translation>
    </message>
    <message>
        <source>Which pixels matter: ∂C/∂x</source>
        <translation>哪些像素重要：∂C/∂x</translation>
    </message>
    <message>
        <source>The input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>∂C/∂x for the chosen label: red pixels raise the cost when brightened, blue ones lower it</source>
        <translation>所选标签的 ∂C/∂x：红色像素变亮时代价升高，蓝色像素变亮时代价降低</translation>
    </message>
    <message>
        <source>The input after the nudges (press Nudge)</source>
        <translation>扰动之后的输入（按“扰动”）</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>nudged x</source>
        <translation>扰动后的 x</translation>
    </message>
    <message>
        <source>Colour scale of ∂C/∂x, symmetric about 0</source>
        <translation>∂C/∂x 的色标，关于 0 对称</translation>
    </message>
    <message>
        <source>The label to push the input towards: x moves along −∂C/∂x for this target</source>
        <translation>要把输入推向的标签：x 沿着这个目标的 −∂C/∂x 移动</translation>
    </message>
    <message>
        <source>Brightness step ε: the most influential pixel changes by ε per nudge, the others in proportion to their ∂C/∂x</source>
        <translation>亮度步长 ε：每次扰动时影响最大的像素改变 ε，其余像素按各自的 ∂C/∂x 成比例改变</translation>
    </message>
    <message>
        <source>Nudge once</source>
        <translation>扰动一次</translation>
    </message>
    <message>
        <source>Move the input one step along −∂C/∂x and predict again (Ctrl+G)</source>
        <translation>沿 −∂C/∂x 把输入移动一步，然后重新预测（Ctrl+G）</translation>
    </message>
    <message>
        <source>Until it changes</source>
        <translation>直到预测改变</translation>
    </message>
    <message>
        <source>Nudge until the network predicts the target (at most 200 nudges)</source>
        <translation>持续扰动，直到网络预测出目标（最多 200 次）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start the nudges again from the original input</source>
        <translation>从原始输入重新开始扰动</translation>
    </message>
    <message>
        <source>towards</source>
        <translation>推向</translation>
    </message>
    <message>
        <source>grey: original input · blue: nudged</source>
        <translation>灰色：原始输入 · 蓝色：扰动后</translation>
    </message>
    <message>
        <source>Output activations of the original input (grey) and of the nudged input (blue)</source>
        <translation>原始输入（灰色）和扰动后输入（蓝色）的输出层激活值</translation>
    </message>
    <message>
        <source>nothing drawn yet: draw a digit in the Draw tab</source>
        <translation>还没有写任何内容：请在“手写”页写一个数字</translation>
    </message>
    <message>
        <source>the digit drawn in the Draw tab (no true label)</source>
        <translation>“手写”页中写的数字（没有真实标签）</translation>
    </message>
    <message>
        <source>test image #{i}, true label {label}</source>
        <translation>测试图像 #{i}，真实标签 {label}</translation>
    </message>
    <message>
        <source>test sample #{i}, true label {label}</source>
        <translation>测试样本 #{i}，真实标签 {label}</translation>
    </message>
    <message>
        <source>Default η/m = {eta} / {m} = {value}: in training each of the m examples of a mini-batch moves the weights by η/m; one example alone with the whole η = {eta} would wreck a trained network.</source>
        <translation>默认值 η/m = {eta} / {m} = {value}：训练时小批量中的 m 个样本每个只让权重移动 η/m；单独一个样本用整个 η = {eta} 会毁掉一个已训练的网络。</translation>
    </message>
    <message>
        <source>Teaching {what}.</source>
        <translation>正在教：{what}。</translation>
    </message>
    <message>
        <source>Training is running: stop it (S) before teaching. A teaching step changes the weights the run is training.</source>
        <translation>训练正在进行：教学之前请先停止（S）。教学步骤会改变正在训练的权重。</translation>
    </message>
    <message>
        <source>“{text}” is not a number</source>
        <translation>“{text}”不是数</translation>
    </message>
    <message>
        <source>η must be a number &gt; 0: a step of size ≤ 0 does not descend</source>
        <translation>η 必须是 &gt; 0 的数：步长 ≤ 0 不会下降</translation>
    </message>
    <message>
        <source>Stop training before teaching: a teaching step changes the weights by hand.</source>
        <translation>教学之前请先停止训练：教学步骤会手动改变权重。</translation>
    </message>
    <message>
        <source>Nothing to teach: {what}.</source>
        <translation>没有可教的内容：{what}。</translation>
    </message>
    <message>
        <source>The network changed since the last teaching step: the teaching history was reset.</source>
        <translation>自上次教学步骤以来网络已经改变：教学历史已重置。</translation>
    </message>
    <message>
        <source>one teaching step on {what} with label {label}, η = {eta}</source>
        <translation>在{what}上以标签 {label}、η = {eta} 做了一次教学步骤</translation>
    </message>
    <message>
        <source>undid the teaching step with label {label} (the weights from before it, bit for bit)</source>
        <translation>撤销了标签为 {label} 的教学步骤（逐位恢复此前的权重）</translation>
    </message>
    <message>
        <source>Undone: the weights are again those from before the step with label {label}.</source>
        <translation>已撤销：权重恢复为标签 {label} 那一步之前的值。</translation>
    </message>
    <message>
        <source>undid {n} teaching step</source>
        <translation>撤销了 {n} 次教学步骤</translation>
    </message>
    <message>
        <source>undid {n} teaching steps</source>
        <translation>撤销了 {n} 次教学步骤</translation>
    </message>
    <message>
        <source>Undone {n} step: the weights are again those from before the first teaching step.</source>
        <translation>已撤销 {n} 步：权重恢复为第一次教学步骤之前的值。</translation>
    </message>
    <message>
        <source>Undone {n} steps: the weights are again those from before the first teaching step.</source>
        <translation>已撤销 {n} 步：权重恢复为第一次教学步骤之前的值。</translation>
    </message>
    <message>
        <source>{text} The last step still applied: {caption}</source>
        <translation>{text} 仍然生效的最后一步：{caption}</translation>
    </message>
    <message>
        <source>The network was changed elsewhere (training, Reset, Open, Undo of the window or another panel): the teaching history was reset, so Undo step cannot throw that change away.</source>
        <translation>网络在别处被改变了（训练、重置、打开、窗口或其他面板的撤销）：教学历史已重置，因此“撤销一步”不会丢弃那次改变。</translation>
    </message>
    <message>
        <source>{n} step can be undone.</source>
        <translation>可以撤销 {n} 步。</translation>
    </message>
    <message>
        <source>{n} steps can be undone.</source>
        <translation>可以撤销 {n} 步。</translation>
    </message>
    <message>
        <source>No teaching step to undo.</source>
        <translation>没有可撤销的教学步骤。</translation>
    </message>
    <message>
        <source>C_x before {before}, after {after}: the cost of this example fell.</source>
        <translation>C_x 之前 {before}，之后 {after}：这个样本的代价下降了。</translation>
    </message>
    <message>
        <source>C_x before {before}, after {after}: the cost of this example rose.</source>
        <translation>C_x 之前 {before}，之后 {after}：这个样本的代价上升了。</translation>
    </message>
    <message>
        <source>C_x before {before}, after {after}: the cost of this example stayed the same.</source>
        <translation>C_x 之前 {before}，之后 {after}：这个样本的代价没有变化。</translation>
    </message>
    <message>
        <source>Test set: {r0} → {r1} / {total} right ({p0}% → {p1}%); {n} prediction changed.</source>
        <translation>测试集：答对 {r0} → {r1} / {total}（{p0}% → {p1}%）；{n} 个预测改变。</translation>
    </message>
    <message>
        <source>Test set: {r0} → {r1} / {total} right ({p0}% → {p1}%); {n} predictions changed.</source>
        <translation>测试集：答对 {r0} → {r1} / {total}（{p0}% → {p1}%）；{n} 个预测改变。</translation>
    </message>
    <message>
        <source>Show the {n} changed test image</source>
        <translation>显示预测改变的 {n} 张测试图像</translation>
    </message>
    <message>
        <source>Show the {n} changed test images</source>
        <translation>显示预测改变的 {n} 张测试图像</translation>
    </message>
    <message>
        <source>{n} test image whose prediction the last teaching step changed.</source>
        <translation>最后一次教学步骤改变了预测的 {n} 张测试图像。</translation>
    </message>
    <message>
        <source>{n} test images whose prediction the last teaching step changed.</source>
        <translation>最后一次教学步骤改变了预测的 {n} 张测试图像。</translation>
    </message>
    <message>
        <source>∂C/∂x as a picture needs 28×28 = 784-pixel images; this network has {n} inputs.</source>
        <translation>要把 ∂C/∂x 显示为图像，需要 28×28 = 784 像素的图像；而这个网络有 {n} 个输入。</translation>
    </message>
    <message>
        <source>No input: {what}.</source>
        <translation>没有输入：{what}。</translation>
    </message>
    <message>
        <source>∂C/∂x = (w²)ᵀ δ² for label {label}: BP2 carried one layer further, to the input. Red: brightening the pixel raises C_x; blue: it lowers C_x. Nudges move x along −∂C/∂x — the same equations applied to the input instead of the weights.</source>
        <translation>标签 {label} 的 ∂C/∂x = (w²)ᵀ δ²：把 BP2 再往回推一层，一直推到输入。红色：像素变亮使 C_x 升高；蓝色：使 C_x 降低。扰动让 x 沿 −∂C/∂x 移动——同样的方程，只是作用在输入而不是权重上。</translation>
    </message>
    <message>
        <source>ε must lie in (0, 1]: it is a change of brightness</source>
        <translation>ε 必须在 (0, 1] 之内：它是亮度的变化量</translation>
    </message>
    <message>
        <source>After this nudge: now predicted as {label} (aᴸ{k} = {a}, was {a0}); {n} of {total} pixels changed by more than {threshold} from the original (largest change {largest}).</source>
        <translation>这次扰动之后：现在被预测为 {label}（aᴸ{k} = {a}，原为 {a0}）；{total} 个像素中有 {n} 个与原图相比变化超过 {threshold}（最大变化 {largest}）。</translation>
    </message>
    <message>
        <source>After this nudge: still predicted as {label} (aᴸ{k} = {a}, was {a0}); {n} of {total} pixels changed by more than {threshold} from the original (largest change {largest}).</source>
        <translation>这次扰动之后：仍被预测为 {label}（aᴸ{k} = {a}，原为 {a0}）；{total} 个像素中有 {n} 个与原图相比变化超过 {threshold}（最大变化 {largest}）。</translation>
    </message>
    <message>
        <source>Δw of the last teaching step (label {label}); its {n} largest changes marked · input: ∂C/∂x</source>
        <translation>最后一次教学步骤的 Δw（标签 {label}）；标出了最大的 {n} 个变化 · 输入：∂C/∂x</translation>
    </message>
    <message>
        <source>change Δw</source>
        <translation>变化量 Δw</translation>
    </message>
    <message>
        <source>input grid: ∂C/∂x for label {label} · nodes: activations</source>
        <translation>输入网格：标签 {label} 的 ∂C/∂x · 节点：激活值</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Confusion matrix of the test set and a gallery of its cells</source>
        <translation>测试集的混淆矩阵及其单元格的图库</translation>
    </message>
    <message>
        <source>Teach</source>
        <translation>教学</translation>
    </message>
    <message>
        <source>Teach the network one example and see which pixels matter</source>
        <translation>教网络一个样本，并查看哪些像素重要</translation>
    </message>
    <message>
        <source>Confusion matrix (recompute)</source>
        <translation>混淆矩阵（重新计算）</translation>
    </message>
    <message>
        <source>Show the test set&apos;s confusion matrix on the latest weights</source>
        <translation>用最新权重显示测试集的混淆矩阵</translation>
    </message>
    <message>
        <source>Teach it this example (one step)</source>
        <translation>教它这个样本（一步）</translation>
    </message>
    <message>
        <source>One gradient-descent step on the shown example with the chosen label</source>
        <translation>用所选标签在当前样本上做一步梯度下降</translation>
    </message>
    <message>
        <source>Undo the last teaching step</source>
        <translation>撤销最后一次教学步骤</translation>
    </message>
    <message>
        <source>Put back the weights from before the last teaching step, exactly</source>
        <translation>精确恢复最后一次教学步骤之前的权重</translation>
    </message>
    <message>
        <source>Nudge the input towards the label</source>
        <translation>朝该标签扰动输入</translation>
    </message>
    <message>
        <source>Move the input one step along −∂C/∂x and predict again</source>
        <translation>沿 −∂C/∂x 把输入移动一步，然后重新预测</translation>
    </message>
</context>
<context>
    <name>MistakesText</name>
    <message>
        <source>the drawn digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>test image #{i}</source>
        <translation>测试图像 #{i}</translation>
    </message>
    <message>
        <source>most confident first</source>
        <translation>置信度最高的在前</translation>
    </message>
    <message>
        <source>largest margin first</source>
        <translation>差距最大的在前</translation>
    </message>
    <message>
        <source>in test-set order</source>
        <translation>按测试集顺序</translation>
    </message>
    <message>
        <source>correctly classified</source>
        <translation>分类正确</translation>
    </message>
    <message>
        <source>predicted as {label}</source>
        <translation>被预测为 {label}</translation>
    </message>
    <message>
        <source>{n} image of {label} {what}, {order}</source>
        <translation>{n} 张 {label} 的图像{what}，{order}</translation>
    </message>
    <message>
        <source>{n} images of {label} {what}, {order}</source>
        <translation>{n} 张 {label} 的图像{what}，{order}</translation>
    </message>
    <message>
        <source>Taught {label} with η = {eta}: {a} {a0} → {a1}, prediction {p0} → {p1}, C_x {c0} → {c1}.</source>
        <translation>以 η = {eta} 教了 {label}：{a} {a0} → {a1}，预测 {p0} → {p1}，C_x {c0} → {c1}。</translation>
    </message>
    <message>
        <source> Test set: {p0}% → {p1}%, {n} prediction changed.</source>
        <translation> 测试集：{p0}% → {p1}%，{n} 个预测改变。</translation>
    </message>
    <message>
        <source> Test set: {p0}% → {p1}%, {n} predictions changed.</source>
        <translation> 测试集：{p0}% → {p1}%，{n} 个预测改变。</translation>
    </message>
    <message>
        <source>Already predicted as {label}.</source>
        <translation>已经被预测为 {label}。</translation>
    </message>
    <message>
        <source>No pixel can move towards the target.</source>
        <translation>没有像素可以朝目标移动。</translation>
    </message>
    <message>
        <source>{n} of {total} pixels changed by more than {threshold}</source>
        <translation>{total} 个像素中有 {n} 个的变化超过 {threshold}</translation>
    </message>
    <message>
        <source>Predicted as {label} after {n} nudge: {pixels}.</source>
        <translation>扰动 {n} 次后被预测为 {label}：{pixels}。</translation>
    </message>
    <message>
        <source>Predicted as {label} after {n} nudges: {pixels}.</source>
        <translation>扰动 {n} 次后被预测为 {label}：{pixels}。</translation>
    </message>
    <message>
        <source>Still predicted as {label} after {n} nudges: {pixels}.</source>
        <translation>扰动 {n} 次后仍被预测为 {label}：{pixels}。</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
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
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>quadratic cost</source>
        <translation>二次代价</translation>
    </message>
    <message>
        <source>cross-entropy cost</source>
        <translation>交叉熵代价</translation>
    </message>
    <message>
        <source>log-likelihood cost</source>
        <translation>对数似然代价</translation>
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
        <source>Log-likelihood (softmax output)</source>
        <translation>对数似然（柔性最大值输出）</translation>
    </message>
    <message>
        <source>standard initial weights N(0, 1)</source>
        <translation>标准初始权重 N(0, 1)</translation>
    </message>
    <message>
        <source>scaled initial weights N(0, 1/n_in)</source>
        <translation>缩放初始权重 N(0, 1/n_in)</translation>
    </message>
    <message>
        <source>N(0, 1) (the seed&apos;s)</source>
        <translation>N(0, 1)（原始程序）</translation>
    </message>
    <message>
        <source>N(0, 1/n_in) (scaled)</source>
        <translation>N(0, 1/n_in)（缩放）</translation>
    </message>
    <message>
        <source>{name} cost</source>
        <translation>{name} 代价</translation>
    </message>
    <message>
        <source>{name} initial weights</source>
        <translation>{name} 初始权重</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Which edges to draw for layers with many inputs (smaller layers always show every edge). All 23,520 input edges are slow and unreadable.</source>
        <translation>对输入很多的层画哪些连接（较小的层总是画出每条连接）。全部 23,520 条输入连接既慢又看不清。</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole network (F). Scroll to zoom, drag to pan.</source>
        <translation>显示整个网络（F）。滚动滚轮缩放，拖动平移。</translation>
    </message>
    <message>
        <source>What the nodes&apos; colours show, and their range (the colour bar on the right is the edges&apos; scale)</source>
        <translation>节点颜色表示什么及其范围（右侧的色条是连接的刻度）</translation>
    </message>
    <message>
        <source>Edges:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>edges: {name}  (±{v})</source>
        <translation>连接：{name}（±{v}）</translation>
    </message>
    <message>
        <source>your drawing: the network says &lt;b&gt;{pred}&lt;/b&gt;</source>
        <translation>你的手写数字：网络认为是 &lt;b&gt;{pred}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>test image #{i}: label &lt;b&gt;{label}&lt;/b&gt;, network says &lt;b&gt;{pred}&lt;/b&gt; {ok}</source>
        <translation>测试图像 #{i}：标签 &lt;b&gt;{label}&lt;/b&gt;，网络认为是 &lt;b&gt;{pred}&lt;/b&gt; {ok}</translation>
    </message>
    <message>
        <source>test sample #{i}: label &lt;b&gt;{label}&lt;/b&gt;, network says &lt;b&gt;{pred}&lt;/b&gt; {ok}</source>
        <translation>测试样本 #{i}：标签 &lt;b&gt;{label}&lt;/b&gt;，网络认为是 &lt;b&gt;{pred}&lt;/b&gt; {ok}</translation>
    </message>
    <message>
        <source>step {i} / {n}: &lt;b&gt;{title}&lt;/b&gt; · label &lt;b&gt;{label}&lt;/b&gt;</source>
        <translation>第 {i} / {n} 步：&lt;b&gt;{title}&lt;/b&gt; · 标签 &lt;b&gt;{label}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>incoming {kind} of each neuron of layer 2 as a 28×28 image (scale ±{v})</source>
        <translation>第 2 层每个神经元的输入{kind}，显示为 28×28 图像（刻度 ±{v}）</translation>
    </message>
    <message>
        <source>Strongest {p} %</source>
        <translation>最强的 {p}%</translation>
    </message>
    <message>
        <source>All edges</source>
        <translation>全部连接</translation>
    </message>
    <message>
        <source>No edges</source>
        <translation>不画连接</translation>
    </message>
</context>
<context>
    <name>NeuronForm</name>
    <message>
        <source>Sigmoid σ (the seed&apos;s)</source>
        <extracomment>Items of the dataset list that open a file dialog (the IDX folder item&apos;s data is None).</extracomment>
        <translation>S 型 σ（原始程序）</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU max(0, z)</source>
        <translation>ReLU max(0, z)</translation>
    </message>
    <message>
        <source>The neurons of the hidden layers. σ(z) = 1/(1 + e^−z), σ′ ≤ 0.25; tanh(z) in (−1, 1), tanh′ = 1 − a² ≤ 1; ReLU: a = max(0, z), ReLU′ is 1 for z &gt; 0 and 0 otherwise (a neuron that is off passes no error back).
BP2 multiplies by f′(z) of the neuron chosen here.</source>
        <translation>隐藏层的神经元。σ(z) = 1/(1 + e^−z)，σ′ ≤ 0.25；tanh(z) 在 (−1, 1) 之间，tanh′ = 1 − a² ≤ 1；ReLU：a = max(0, z)，z &gt; 0 时 ReLU′ 为 1，否则为 0（关闭的神经元不把误差传回）。
BP2 乘的是这里所选神经元的 f′(z)。</translation>
    </message>
    <message>
        <source>Sigmoid σ</source>
        <translation>S 型 σ</translation>
    </message>
    <message>
        <source>Softmax (log-likelihood cost)</source>
        <translation>柔性最大值（对数似然代价）</translation>
    </message>
    <message>
        <source>The output layer. Softmax outputs are positive and add up to 1; with the log-likelihood cost C = −ln aᴸ_y, BP1 is δᴸ = aᴸ − y (chapter 3).</source>
        <translation>输出层。柔性最大值的输出都是正数且总和为 1；用对数似然代价 C = −ln aᴸ_y 时，BP1 为 δᴸ = aᴸ − y（第 3 章）。</translation>
    </message>
    <message>
        <source>2-D datasets only: what the input neurons see of each point (x₁, x₂), separated by commas, from {names}. The input layer gets one neuron per feature.</source>
        <translation>仅用于二维数据集：输入神经元看到的每个点 (x₁, x₂) 的哪些量，用逗号分隔，可选 {names}。每个特征对应输入层的一个神经元。</translation>
    </message>
    <message>
        <source>A table: header row, numeric columns, the label last</source>
        <translation>表格：一个表头行、若干数值列、标签在最后一列</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A folder with one sub-folder of PNG/JPEG images per class</source>
        <translation>每个类别一个 PNG/JPEG 图像子文件夹的文件夹</translation>
    </message>
    <message>
        <source>Folder with the four IDX files</source>
        <translation>装有四个 IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>Neurons: {hidden} in the hidden layers, {output} output layer.</source>
        <translation>神经元：隐藏层为 {hidden}，输出层为 {output}。</translation>
    </message>
    <message>
        <source>Inputs standardised with the training rows&apos; mean ± standard deviation: {columns}.</source>
        <translation>输入已用训练行的均值 ± 标准差标准化：{columns}。</translation>
    </message>
</context>
<context>
    <name>NeuronPanel</name>
    <message>
        <source>Selected neuron</source>
        <translation>选中的神经元</translation>
    </message>
    <message>
        <source>Click a neuron in the network to select it.</source>
        <translation>在网络中点击一个神经元即可选中它。</translation>
    </message>
    <message>
        <source>Input neuron {j}</source>
        <translation>输入神经元 {j}</translation>
    </message>
    <message>
        <source>Output neuron {j} of layer {l}</source>
        <translation>第 {l} 层的输出神经元 {j}</translation>
    </message>
    <message>
        <source>Hidden neuron {j} of layer {l}</source>
        <translation>第 {l} 层的隐藏神经元 {j}</translation>
    </message>
    <message>
        <source>Its {n} incoming weights {w} as a {side}×{side} image: red pixels excite it, blue ones inhibit it (scale ±{scale}).</source>
        <translation>它的 {n} 个输入权重 {w}，显示为 {side}×{side} 图像：红色像素激发它，蓝色像素抑制它（刻度 ±{scale}）。</translation>
    </message>
    <message>
        <source>k (neuron of layer {l})</source>
        <translation>k（第 {l} 层的神经元）</translation>
    </message>
    <message>
        <source>Its {n} incoming weights {w}, k = 0…{last}.</source>
        <translation>它的 {n} 个输入权重 {w}，k = 0…{last}。</translation>
    </message>
</context>
<context>
    <name>Number</name>
    <message>
        <source>undefined</source>
        <translation>无定义</translation>
    </message>
</context>
<context>
    <name>Pace</name>
    <message>
        <source>full speed</source>
        <extracomment>Slow enough to watch each update (edges flash, every cost point appears): a mini-batch every 100 ms or more. What a newcomer can follow: 5 updates a second — each Δw flash and cost point can be seen, and the first hundreds of mini-batches (where the cost falls fastest) take about a minute.</extracomment>
        <translation>全速</translation>
    </message>
    <message>
        <source>{r} mini-batch/s</source>
        <translation>每秒 {r} 个小批量</translation>
    </message>
    <message>
        <source>{r} mini-batches/s</source>
        <translation>每秒 {r} 个小批量</translation>
    </message>
    <message>
        <source>full speed: the view recolours about 3× a second</source>
        <translation>全速：视图每秒重新着色约 3 次</translation>
    </message>
    <message>
        <source>{rate} = {s} samples/s; each update flashes the edges that changed most</source>
        <translation>{rate} = 每秒 {s} 个样本；每次更新时变化最大的连接会闪亮</translation>
    </message>
    <message>
        <source>{rate} = {s} samples/s; the view recolours about 3× a second</source>
        <translation>{rate} = 每秒 {s} 个样本；视图每秒重新着色约 3 次</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Blue – red (default)</source>
        <translation>蓝 – 红（默认）</translation>
    </message>
    <message>
        <source>Blue – orange, negative dashed (colour-blind safe)</source>
        <translation>蓝 – 橙，负值为虚线（色盲友好）</translation>
    </message>
    <message>
        <source>unknown palette {name}; choose one of {names}</source>
        <translation>未知的配色 {name}；请从 {names} 中选择</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>epoch {e}: not evaluated (Stop came during its evaluation)</source>
        <extracomment>The &quot;show&quot; choices of the cost plot: None = all epochs, else the last N epochs.</extracomment>
        <translation>第 {e} 个迭代期：未评估（评估期间按了停止）</translation>
    </message>
    <message>
        <source>epoch {e}: training cost {c}</source>
        <translation>第 {e} 个迭代期：训练代价 {c}</translation>
    </message>
    <message>
        <source>test accuracy {p} % ({right} / {total})</source>
        <translation>测试准确率 {p}%（{right} / {total}）</translation>
    </message>
    <message>
        <source>validation {p} %</source>
        <translation>验证集 {p}%</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>after mini-batch {k} of epoch {e}</source>
        <translation>第 {e} 个迭代期的第 {k} 个小批量之后</translation>
    </message>
    <message>
        <source>after epoch {e}</source>
        <translation>第 {e} 个迭代期之后</translation>
    </message>
    <message>
        <source>before any training</source>
        <translation>训练开始之前</translation>
    </message>
    <message>
        <source>{where}: {kind} ({what})</source>
        <translation>{where}：{kind}（{what}）</translation>
    </message>
    <message>
        <source>, cost {c}</source>
        <translation>，代价 {c}</translation>
    </message>
    <message>
        <source>epoch {e}, mini-batch {i} of {n} (at {x} epochs done): cost {c}</source>
        <translation>第 {e} 个迭代期，第 {i} 个小批量（共 {n} 个；横轴位置：已完成 {x} 个迭代期）：代价 {c}</translation>
    </message>
    <message>
        <source>epoch {e}, mini-batches {i}–{j} of {n} (at {x} epochs done): cost {lo} … {hi} (mean {mean})</source>
        <translation>第 {e} 个迭代期，第 {i}–{j} 个小批量（共 {n} 个；横轴位置：已完成 {x} 个迭代期）：代价 {lo} … {hi}（平均 {mean}）</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>full MNIST (50,000 training images, tested on the 10,000 test images)</source>
        <translation>完整 MNIST（50,000 张训练图像，在 10,000 张测试图像上测试）</translation>
    </message>
    <message>
        <source>the bundled subset (the first 10,000 MNIST training images; the 10,000 test images)</source>
        <translation>自带子集（MNIST 的前 10,000 张训练图像；10,000 张测试图像）</translation>
    </message>
    <message>
        <source>quadratic</source>
        <translation>二次</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>scaled</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>sizes {sizes}, {cost} cost, {init} init, η = {eta}, m = {m}, {epochs} epochs</source>
        <translation>层大小 {sizes}，{cost}代价，{init}初始化，η = {eta}，m = {m}，{epochs} 个迭代期</translation>
    </message>
    <message>
        <source>The book&apos;s figures for this setting are speeds of learning, not an accuracy: they are the stars in the Speed of learning tab. {measured}</source>
        <translation>书中这个设置给出的是学习速度，而不是准确率：它们就是“学习速度”页中的星号。{measured}</translation>
    </message>
    <message>
        <source>No figure from the book for this setting. {measured}</source>
        <translation>书中没有这个设置的结果。{measured}</translation>
    </message>
    <message>
        <source>{acc} % in the book — {book}. Loaded now: {now}.</source>
        <translation>书中为 {acc}%——{book}。当前加载的是：{now}。</translation>
    </message>
    <message>
        <source>{acc} % in the book — {book}. Loaded now: {now}; expect less than the book&apos;s figure.</source>
        <translation>书中为 {acc}%——{book}。当前加载的是：{now}；结果会低于书中的结果。</translation>
    </message>
    <message>
        <source>Chapter 1: [784, 30, 10]</source>
        <translation>第 1 章：[784, 30, 10]</translation>
    </message>
    <message>
        <source>Best epoch of the book&apos;s network.py run (chapter 1), test accuracy.</source>
        <translation>书中 network.py 程序运行的最佳迭代期（第 1 章），测试准确率。</translation>
    </message>
    <message>
        <source>bundled subset: best 92.08 % (epoch 25) — bpviz train --eta 3.</source>
        <translation>自带子集：最佳 92.08%（第 25 个迭代期）——bpviz train --eta 3。</translation>
    </message>
    <message>
        <source>Chapter 1: 100 hidden neurons</source>
        <translation>第 1 章：100 个隐藏神经元</translation>
    </message>
    <message>
        <source>Best epoch of the book&apos;s chapter 1 run with 100 hidden neurons, test accuracy.</source>
        <translation>书中第 1 章使用 100 个隐藏神经元运行的最佳迭代期，测试准确率。</translation>
    </message>
    <message>
        <source>bundled subset: best 84.27 % (epoch 25) — bpviz train --sizes 784,100,10 --eta 3. With the quadratic cost and N(0, 1) weights many of the 100 hidden neurons start saturated; seed 0 does worse than 30 hidden neurons here.</source>
        <translation>自带子集：最佳 84.27%（第 25 个迭代期）——bpviz train --sizes 784,100,10 --eta 3。使用二次代价和 N(0, 1) 权重时，100 个隐藏神经元中有许多一开始就处于饱和状态；在这里随机种子 0 的结果比 30 个隐藏神经元更差。</translation>
    </message>
    <message>
        <source>Chapter 3: cross-entropy and L2 regularisation</source>
        <translation>第 3 章：交叉熵与 L2 规范化</translation>
    </message>
    <message>
        <source>Chapter 3, L2 regularisation on the full training set: weights and biases N(0, 1) (the book&apos;s large_weight_initializer, bpviz&apos;s &apos;standard&apos;), λ = 5.</source>
        <translation>第 3 章，在完整训练集上使用 L2 规范化：权重和偏置取自 N(0, 1)（书中的 large_weight_initializer，即 bpviz 的“标准”初始化），λ = 5。</translation>
    </message>
    <message>
        <source>bundled subset: best 93.75 % (epoch 24) — bpviz train --cost cross-entropy --lmbda 5 --eta 0.5 (93.73 % with --init scaled).</source>
        <translation>自带子集：最佳 93.75%（第 24 个迭代期）——bpviz train --cost cross-entropy --lmbda 5 --eta 0.5（使用 bpviz train --init scaled 时为 93.73%）。</translation>
    </message>
    <message>
        <source>Chapter 5: speed of learning in deep networks</source>
        <translation>第 5 章：深度网络中的学习速度</translation>
    </message>
    <message>
        <source>Chapter 5: ‖∂C/∂b^l‖ per hidden layer at initialisation for [784,30,30,10], [784,30,30,30,10] and [784,30,30,30,30,10]; training settings η = 0.1, λ = 5 as the chapter&apos;s runs.</source>
        <translation>第 5 章：[784,30,30,10]、[784,30,30,30,10] 和 [784,30,30,30,30,10] 在初始化时每个隐藏层的 ‖∂C/∂b^l‖；训练设置 η = 0.1、λ = 5，与该章的运行相同。</translation>
    </message>
    <message>
        <source>bpviz explain speed --sizes 784,30,30,30,10 --seeds 5 prints bpviz&apos;s figures beside the book&apos;s. Trained on the bundled subset: best 93.64 % (epoch 24) — bpviz train --sizes 784,30,30,30,10 --cost cross-entropy --init scaled --lmbda 5 --eta 0.1.</source>
        <translation>运行 bpviz explain speed --sizes 784,30,30,30,10 --seeds 5 会把 bpviz 的结果与书中的结果并列输出。在自带子集上训练：最佳 93.64%（第 24 个迭代期）——bpviz train --sizes 784,30,30,30,10 --cost cross-entropy --init scaled --lmbda 5 --eta 0.1。</translation>
    </message>
    <message>
        <source>η too large (η = 100)</source>
        <translation>η 太大（η = 100）</translation>
    </message>
    <message>
        <source>The book gives no figure for this setting; it is bpviz&apos;s demonstration.</source>
        <translation>书中没有这个设置的结果；这是 bpviz 的演示。</translation>
    </message>
    <message>
        <source>bundled subset: 9.22 % best, 9.22 % at epoch 29 — bpviz train --eta 100. The first steps drive every output neuron into saturation (σ′(z^L) &lt; 0.01 for all test images, 100 % of them wrong-sided), the quadratic cost&apos;s δ^L vanishes and the run never recovers; bpviz train warns.</source>
        <translation>自带子集：最佳 9.22%，第 29 个迭代期 9.22%——bpviz train --eta 100。最初几步就把每个输出神经元推入饱和（对所有测试图像 σ′(z^L) &lt; 0.01，100% 都饱和在错误的一侧），二次代价的 δ^L 消失，训练再也无法恢复；bpviz train 会给出警告。</translation>
    </message>
    <message>
        <source>η too small (η = 0.01)</source>
        <translation>η 太小（η = 0.01）</translation>
    </message>
    <message>
        <source>bundled subset: 17.43 % after 30 epochs, still rising (training cost 0.467) — bpviz train --eta 0.01. η = 0.1 reaches 69.56 %, η = 3 92.08 %: each step is too small to get anywhere.</source>
        <translation>自带子集：30 个迭代期后为 17.43%，仍在上升（训练代价 0.467）——bpviz train --eta 0.01。η = 0.1 时达到 69.56%，η = 3 时达到 92.08%：每一步都太小，走不了多远。</translation>
    </message>
</context>
<context>
    <name>Record</name>
    <message>
        <source>stop training first: a recording starts a run of its own</source>
        <translation>请先停止训练：录制会启动自己的一次训练</translation>
    </message>
    <message>
        <source>The recording was cancelled; no file was written.</source>
        <translation>录制已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>动画 GIF (*.gif)</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>录制到</translation>
    </message>
    <message>
        <source>Cannot record: {reason}</source>
        <translation>无法录制：{reason}</translation>
    </message>
    <message>
        <source>Recording the step-through…</source>
        <translation>正在录制逐步演示…</translation>
    </message>
    <message>
        <source>Recording training…</source>
        <translation>正在录制训练…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saved the recording {name} ({n} frames).</source>
        <translation>已保存录制文件 {name}（{n} 帧）。</translation>
    </message>
    <message>
        <source>Pause or stop training first: the step-through needs weights that stand still.</source>
        <translation>请先暂停或停止训练：逐步演示需要固定不变的权重。</translation>
    </message>
    <message>
        <source>Record training</source>
        <translation>录制训练</translation>
    </message>
    <message>
        <source>A frame every how many mini-batches?</source>
        <translation>每隔多少个小批量录制一帧？</translation>
    </message>
    <message>
        <source>Record the step-through (GIF/MP4)…</source>
        <translation>录制逐步演示（GIF/MP4）…</translation>
    </message>
    <message>
        <source>Record training (GIF/MP4)…</source>
        <translation>录制训练（GIF/MP4）…</translation>
    </message>
</context>
<context>
    <name>SamplePanel</name>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Index into the test set</source>
        <translation>测试集中的序号</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Show a random test image</source>
        <translation>显示一张随机的测试图像</translation>
    </message>
    <message>
        <source>Next wrong</source>
        <translation>下一个错误</translation>
    </message>
    <message>
        <source>Show the next test image the network gets wrong</source>
        <translation>显示网络判断错误的下一张测试图像</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>Test sample</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>The network classifies every test image correctly.</source>
        <translation>网络对每张测试图像都分类正确。</translation>
    </message>
    <message>
        <source>label &lt;b&gt;{label}&lt;/b&gt; · network says &lt;b&gt;{pred}&lt;/b&gt; ({a} = {v})</source>
        <translation>标签 &lt;b&gt;{label}&lt;/b&gt; · 网络认为是 &lt;b&gt;{pred}&lt;/b&gt;（{a} = {v}）</translation>
    </message>
</context>
<context>
    <name>Saturation</name>
    <message>
        <source>σ′(z) = {sp}, {pct} of σ′&apos;s largest value 0.25 (at z = 0)</source>
        <translation>σ′(z) = {sp}，是 σ′ 最大值 0.25（在 z = 0 处）的 {pct}</translation>
    </message>
    <message>
        <source>Output neuron {j} of layer {l}: {head}, saturated. With the cross-entropy cost BP1 has no σ′ factor: δ = a − y = {err}, so this output learns in proportion to its error whatever σ′ is.</source>
        <translation>第 {l} 层的输出神经元 {j}：{head}，已饱和。使用交叉熵代价函数时 BP1 没有 σ′ 因子：δ = a − y = {err}，所以无论 σ′ 多大，这个输出都按其误差的大小学习。</translation>
    </message>
    <message>
        <source>Output neuron {j} of layer {l}: {head}, not saturated. With the cross-entropy cost BP1 has no σ′ factor: δ = a − y = {err}, so this output learns in proportion to its error whatever σ′ is.</source>
        <translation>第 {l} 层的输出神经元 {j}：{head}，未饱和。使用交叉熵代价函数时 BP1 没有 σ′ 因子：δ = a − y = {err}，所以无论 σ′ 多大，这个输出都按其误差的大小学习。</translation>
    </message>
    <message>
        <source>Neuron {j} of layer {l} is saturated: {head} &lt; {threshold}. By {bp} {factor}: whatever error reaches it is multiplied by {speed}, and by BP3/BP4 its bias and incoming weights change in proportion to δ, so it learns slowly.</source>
        <translation>第 {l} 层的神经元 {j} 已饱和：{head} &lt; {threshold}。由 {bp}，{factor}：传到它的误差都要乘以 {speed}；而由 BP3/BP4，它的偏置和输入权重的变化与 δ 成正比，所以它学得很慢。</translation>
    </message>
    <message>
        <source>Neuron {j} of layer {l} is not saturated: {head} ≥ {threshold}. {factor}: the error reaching it is multiplied by {speed}.</source>
        <translation>第 {l} 层的神经元 {j} 未饱和：{head} ≥ {threshold}。{factor}：传到它的误差乘以 {speed}。</translation>
    </message>
    <message>
        <source>Output neuron {j} of layer {l} is a softmax output (a = {a}): with the log-likelihood cost BP1 is δ = a − y = {err}, with no f′ factor, so it learns in proportion to its error and cannot saturate.</source>
        <translation>第 {l} 层的输出神经元 {j} 是柔性最大值输出（a = {a}）：用对数似然代价时 BP1 为 δ = a − y = {err}，没有 f′ 因子，所以它按误差的大小学习，不会饱和。</translation>
    </message>
    <message>
        <source>ReLU neuron {j} of layer {l} is off for this sample: z = {z} ≤ 0, so a = 0 and ReLU′(z) = 0. By BP2 its δ = 0: no error passes back through it and its bias and incoming weights get no gradient from this sample. A neuron off for every sample is dead.</source>
        <translation>第 {l} 层的 ReLU 神经元 {j} 对这个样本处于关闭状态：z = {z} ≤ 0，所以 a = 0 且 ReLU′(z) = 0。由 BP2，它的 δ = 0：没有误差经它反向传回，它的偏置和输入权重从这个样本得不到梯度。对所有样本都关闭的神经元就是死神经元。</translation>
    </message>
    <message>
        <source>ReLU neuron {j} of layer {l} is on: z = {z} &gt; 0, ReLU′(z) = 1, so the error reaching it passes on unscaled (δ = {delta}); a ReLU neuron never saturates while z &gt; 0.</source>
        <translation>第 {l} 层的 ReLU 神经元 {j} 处于开启状态：z = {z} &gt; 0，ReLU′(z) = 1，所以到达它的误差不经缩放地传下去（δ = {delta}）；z &gt; 0 时 ReLU 神经元不会饱和。</translation>
    </message>
    <message>
        <source>tanh neuron {j} of layer {l} is saturated: {head} &lt; {limit}, {pct} of tanh′&apos;s largest value 1 (at z = 0): whatever error reaches it is multiplied by that, δ = {delta}, so it learns slowly.</source>
        <translation>第 {l} 层的 tanh 神经元 {j} 饱和了：{head} &lt; {limit}，是 tanh′ 最大值 1（在 z = 0 处）的 {pct}：到达它的误差都要乘上这个数，δ = {delta}，所以它学得很慢。</translation>
    </message>
    <message>
        <source>tanh neuron {j} of layer {l} is not saturated: {head} ≥ {limit}; the error reaching it is multiplied by {pct} of tanh′&apos;s largest value 1 (δ = {delta}).</source>
        <translation>第 {l} 层的 tanh 神经元 {j} 没有饱和：{head} ≥ {limit}；到达它的误差乘以 tanh′ 最大值 1 的 {pct}（δ = {delta}）。</translation>
    </message>
    <message>
        <source>Layer {l}: a ReLU neuron is off (z ≤ 0, no gradient) in {pct} of the mini-batch&apos;s samples on average; {dead} of {n} neurons are off for every sample (dead).</source>
        <translation>第 {l} 层：平均而言，一个 ReLU 神经元在小批量 {pct} 的样本上处于关闭状态（z ≤ 0，没有梯度）；{n} 个神经元中有 {dead} 个对每个样本都关闭（死神经元）。</translation>
    </message>
    <message>
        <source>Layer {l}: a tanh neuron is saturated (tanh′(z) &lt; {threshold}) in {pct} of the mini-batch&apos;s samples on average; {mostly} of {n} neurons are saturated for most samples.</source>
        <translation>第 {l} 层：平均而言，一个 tanh 神经元在小批量 {pct} 的样本上饱和（tanh′(z) &lt; {threshold}）；{n} 个神经元中有 {mostly} 个对大多数样本饱和。</translation>
    </message>
    <message>
        <source>Layer {l}: a neuron is saturated (σ′(z) &lt; {threshold}) in {pct} of the mini-batch&apos;s samples on average; {mostly} of {n} neurons are saturated for most samples.</source>
        <translation>第 {l} 层：平均而言，一个神经元在小批量 {pct} 的样本上饱和（σ′(z) &lt; {threshold}）；{n} 个神经元中有 {mostly} 个在大多数样本上饱和。</translation>
    </message>
    <message>
        <source>Output neuron {j}: a = {a}, y = {y}. Cross-entropy: δ = a − y = {e}. Quadratic: δ = (a − y)·σ′(z) = {e} × {sp} = {dq}, {pct} of the cross-entropy δ</source>
        <translation>输出神经元 {j}：a = {a}，y = {y}。交叉熵：δ = a − y = {e}。二次代价：δ = (a − y)·σ′(z) = {e} × {sp} = {dq}，是交叉熵 δ 的 {pct}</translation>
    </message>
    <message>
        <source>. The error is small, so both costs have little to learn here.</source>
        <translation>。误差很小，所以两种代价函数在这里都没什么可学的。</translation>
    </message>
    <message>
        <source>. The neuron is badly wrong but saturated (σ′ &lt; {threshold}): under the quadratic cost it learns slowly; the cross-entropy cost learns in proportion to the error.</source>
        <translation>。这个神经元错得很厉害，但已饱和（σ′ &lt; {threshold}）：用二次代价函数时它学得很慢；用交叉熵代价函数时按误差的大小学习。</translation>
    </message>
    <message>
        <source>. σ′ is not small here (≥ {threshold}), so both costs learn from this error.</source>
        <translation>。这里 σ′ 并不小（≥ {threshold}），所以两种代价函数都能从这个误差中学习。</translation>
    </message>
    <message>
        <source>The output layer ends saturated and wrong for {stuck} of the {n} test images (every output has σ′(z) &lt; {threshold}, one with |a − y| &gt; 0.5; {hidden} of hidden activations are saturated too): with the quadratic cost δ^L = (a − y)·σ′(z^L) is then nearly 0, so these outputs hardly learn. Try a smaller learning rate than η = {eta}, or the cross-entropy cost.</source>
        <translation>在 {n} 张测试图像中，有 {stuck} 的输出层最终饱和且出错（每个输出都有 σ′(z) &lt; {threshold}，其中一个 |a − y| &gt; 0.5；隐藏层激活值中也有 {hidden} 饱和）：使用二次代价时 δ^L = (a − y)·σ′(z^L) 几乎为 0，所以这些输出几乎学不动。请尝试比 η = {eta} 更小的学习速率，或改用交叉熵代价。</translation>
    </message>
    <message>
        <source>The output layer ends saturated and wrong for {stuck} of the {n} test images (every output has σ′(z) &lt; {threshold}, one with |a − y| &gt; 0.5; {hidden} of hidden activations are saturated too): the cross-entropy δ^L = a − y does not vanish, but BP2 multiplies every hidden δ by σ′(z). Try a smaller learning rate than η = {eta}.</source>
        <translation>在 {n} 张测试图像中，有 {stuck} 的输出层最终饱和且出错（每个输出都有 σ′(z) &lt; {threshold}，其中一个 |a − y| &gt; 0.5；隐藏层激活值中也有 {hidden} 饱和）：交叉熵的 δ^L = a − y 不会消失，但 BP2 会把每个隐藏层的 δ 乘以 σ′(z)。请尝试比 η = {eta} 更小的学习速率。</translation>
    </message>
</context>
<context>
    <name>SaveDrawingBox</name>
    <message>
        <source>Save this drawing to a dataset folder</source>
        <translation>把这幅图存入数据集文件夹</translation>
    </message>
    <message>
        <source>a folder for your dataset</source>
        <translation>存放你的数据集的文件夹</translation>
    </message>
    <message>
        <source>Each class gets a sub-folder of it; choose the folder as a dataset in the Train tab (Folder of images…) to train on your drawings</source>
        <translation>每个类别在其中占一个子文件夹；在“训练”标签页把这个文件夹选作数据集（图像文件夹…），就能用这些手写数字来训练</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>class, e.g. 7</source>
        <translation>类别，例如 7</translation>
    </message>
    <message>
        <source>The class this drawing belongs to: the name of its sub-folder</source>
        <translation>这幅图所属的类别：即它所在子文件夹的名称</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>A folder for your drawings</source>
        <translation>存放手写数字的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>请先选择一个文件夹。</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>没有保存：{why}</translation>
    </message>
    <message>
        <source>Saved {path}. The folder now holds {counts}.</source>
        <translation>已保存 {path}。文件夹中现有 {counts}。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>{what} is kept: Edit → Undo (Ctrl+Z) brings it back.</source>
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
        <source>opening the model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>{path}: a {sizes} network does not fit {data} ({n} inputs, {k} classes)</source>
        <translation>{path}：{sizes} 网络与 {data}（{n} 个输入，{k} 个类别）不匹配</translation>
    </message>
    <message>
        <source>opening {name}</source>
        <translation>打开 {name}</translation>
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
        <source>the test set needs at least one point</source>
        <translation>测试集至少需要一个点</translation>
    </message>
    <message>
        <source>Training is still finishing its current step; try again in a moment.</source>
        <translation>训练还在完成当前这一步；请稍后再试。</translation>
    </message>
    <message>
        <source>Training stopped: {n} training points, fewer than the mini-batch size m = {m}. Add points or choose a smaller m.</source>
        <translation>训练已停止：只有 {n} 个训练点，少于小批量大小 m = {m}。请添加点或选用更小的 m。</translation>
    </message>
    <message>
        <source>Training stopped by an internal error: {error}</source>
        <translation>训练因内部错误而停止：{error}</translation>
    </message>
    <message>
        <source>Undo keeps the last {n} replaced networks ({mb} MB, at most {limit}); it let go of the oldest: {what}.</source>
        <extracomment>The trained model the Draw tab loads when the network was never trained. Every background job of the app (training, twins, why-fast, downloads): one shutdown.</extracomment>
        <translation>撤销列表保留最近 {n} 个被替换的网络（{mb} MB，最多 {limit} 个）；已释放最旧的：{what}。</translation>
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
        <source>the update of the step-through on a mini-batch of {m}</source>
        <translation>逐步演示在 {m} 个样本的小批量上的更新</translation>
    </message>
    <message>
        <source>the update of the step-through on one sample</source>
        <translation>逐步演示在一个样本上的更新</translation>
    </message>
    <message>
        <source>Kept the update: the network now has the weights after this gradient-descent step.</source>
        <translation>已保留这次更新：网络现在使用这一步梯度下降之后的权重。</translation>
    </message>
</context>
<context>
    <name>SessionFile</name>
    <message>
        <source>unknown random generator {name}</source>
        <translation>未知的随机数生成器 {name}</translation>
    </message>
    <message>
        <source>the random generator&apos;s state is not usable ({error})</source>
        <translation>随机数生成器的状态无法使用（{error}）</translation>
    </message>
    <message>
        <source>{path}: not a bpviz session file (a session is a zip archive saved by bpviz)</source>
        <translation>{path}：不是 bpviz 会话文件（会话是由 bpviz 保存的 zip 压缩包）</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a session file</source>
        <translation>{path}：这是文件夹，不是会话文件</translation>
    </message>
    <message>
        <source>{path}: the file is damaged ({error})</source>
        <translation>{path}：文件已损坏（{error}）</translation>
    </message>
    <message>
        <source>not a bpviz session file (no manifest.json)</source>
        <translation>不是 bpviz 会话文件（没有 manifest.json）</translation>
    </message>
    <message>
        <source>the manifest is implausibly large</source>
        <translation>清单大得不合理</translation>
    </message>
    <message>
        <source>the manifest is not valid JSON ({error})</source>
        <translation>清单不是有效的 JSON（{error}）</translation>
    </message>
    <message>
        <source>not a bpviz session file (format {name})</source>
        <translation>不是 bpviz 会话文件（格式 {name}）</translation>
    </message>
    <message>
        <source>the format version {v} is not valid</source>
        <translation>格式版本 {v} 无效</translation>
    </message>
    <message>
        <source>made by a newer bpviz (session format {v}); this one reads format {mine} and older: update bpviz to open it</source>
        <translation>由更新版本的 bpviz 创建（会话格式 {v}）；当前版本只能读取格式 {mine} 及更早的格式：请更新 bpviz 后再打开</translation>
    </message>
    <message>
        <source>the manifest lists no arrays</source>
        <translation>清单中没有列出数组</translation>
    </message>
    <message>
        <source>the array {name} is missing</source>
        <translation>缺少数组 {name}</translation>
    </message>
    <message>
        <source>the array {name} is implausibly large</source>
        <translation>数组 {name} 大得不合理</translation>
    </message>
    <message>
        <source>the array {name} holds {dtype}, not numbers</source>
        <translation>数组 {name} 存放的是 {dtype}，不是数值</translation>
    </message>
    <message>
        <source>its settings cannot be used ({error})</source>
        <translation>其中的设置无法使用（{error}）</translation>
    </message>
    <message>
        <source>its settings ({sizes}, {cost}, {init}) do not describe its network</source>
        <translation>其中的设置（{sizes}、{cost}、{init}）与其网络不符</translation>
    </message>
    <message>
        <source>epoch_position must be two numbers</source>
        <translation>epoch_position 必须是两个数</translation>
    </message>
    <message>
        <source>&apos;{what}&apos; must be text</source>
        <translation>“{what}”必须是文本</translation>
    </message>
    <message>
        <source>the selected neuron {sel} is not in a {sizes} network</source>
        <translation>选中的神经元 {sel} 不在 {sizes} 网络中</translation>
    </message>
    <message>
        <source>the selected edge {edge} is not in a {sizes} network</source>
        <translation>选中的连接 {edge} 不在 {sizes} 网络中</translation>
    </message>
    <message>
        <source>the stopped epoch&apos;s order of samples is not a permutation</source>
        <translation>中途停止的迭代期的样本顺序不是一个排列</translation>
    </message>
    <message>
        <source>the step-through&apos;s inputs {x} and labels {y} do not fit the network</source>
        <translation>逐步演示的输入 {x} 和标签 {y} 与网络不符</translation>
    </message>
    <message>
        <source>the step-through&apos;s inputs or labels are not valid</source>
        <translation>逐步演示的输入或标签无效</translation>
    </message>
    <message>
        <source>the lesson position has no lesson id</source>
        <translation>课程位置缺少课程编号</translation>
    </message>
    <message>
        <source>the drawn digit has shape {shape}, not ({n},)</source>
        <translation>手写数字的形状是 {shape}，而不是 ({n},)</translation>
    </message>
    <message>
        <source>the manifest describes no network</source>
        <translation>清单中没有描述网络</translation>
    </message>
    <message>
        <source>invalid layer sizes {sizes}</source>
        <translation>无效的层大小 {sizes}</translation>
    </message>
    <message>
        <source>unknown neurons ({hidden}, {last})</source>
        <translation>未知的神经元（{hidden}、{last}）</translation>
    </message>
    <message>
        <source>unknown cost, initialisation or number type ({cost}, {init}, {dtype})</source>
        <translation>未知的代价、初始化方式或数值类型（{cost}、{init}、{dtype}）</translation>
    </message>
    <message>
        <source>{name} has shape {shape}, expected {expected}</source>
        <translation>{name} 的形状是 {shape}，应为 {expected}</translation>
    </message>
    <message>
        <source>{name} has dtype {got}, expected {dtype}</source>
        <translation>{name} 的数据类型是 {got}，应为 {dtype}</translation>
    </message>
    <message>
        <source>{name} contains NaN or infinite values</source>
        <translation>{name} 含有 NaN 或无穷大的值</translation>
    </message>
    <message>
        <source>the lens does not describe {n} layers</source>
        <translation>着色视图没有描述 {n} 层</translation>
    </message>
    <message>
        <source>the lens&apos;s values of layer {l} do not fit</source>
        <translation>着色视图中第 {l} 层的值不符</translation>
    </message>
    <message>
        <source>the lens names a layer {l} the network does not have</source>
        <translation>着色视图提到了网络中不存在的第 {l} 层</translation>
    </message>
    <message>
        <source>the lens&apos;s edge values of layer {l} do not fit</source>
        <translation>着色视图中第 {l} 层的连接的值不符</translation>
    </message>
    <message>
        <source>the lens&apos;s texts are not valid</source>
        <translation>着色视图的文字无效</translation>
    </message>
    <message>
        <source>the manifest has no valid &apos;{key}&apos;</source>
        <translation>清单中没有有效的“{key}”</translation>
    </message>
    <message>
        <source>&apos;{what}&apos; must be a whole number ≥ {low} (got {v})</source>
        <translation>“{what}”必须是 ≥ {low} 的整数（得到 {v}）</translation>
    </message>
    <message>
        <source>&apos;{what}&apos; must be {n} whole numbers</source>
        <translation>“{what}”必须是 {n} 个整数</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>Training is still finishing its current step; open the session again in a moment.</source>
        <extracomment>What a dropped or opened file is, by its ending.</extracomment>
        <translation>训练仍在完成当前这一步；请稍后再打开会话。</translation>
    </message>
    <message>
        <source>The session needs the dataset {key}, which cannot be used here: {error}</source>
        <translation>该会话需要数据集 {key}，但它在这里无法使用：{error}</translation>
    </message>
    <message>
        <source>The session&apos;s step {i} is not one of the {n} steps of its step-through.</source>
        <translation>会话中的第 {i} 步不在其逐步演示的 {n} 步之内。</translation>
    </message>
    <message>
        <source>The session&apos;s drawing does not fit its network.</source>
        <translation>会话中的手写数字与其网络不符。</translation>
    </message>
    <message>
        <source>The session was saved at page {page} of the lesson {id}, which cannot be opened here: {reason}</source>
        <translation>该会话保存于课程 {id} 的第 {page} 页，但这节课程在这里无法打开：{reason}</translation>
    </message>
    <message>
        <source>opening {name}</source>
        <translation>打开 {name}</translation>
    </message>
    <message>
        <source>Could not open the session: {reason}</source>
        <translation>无法打开会话：{reason}</translation>
    </message>
    <message>
        <source>Opened the session {name}.</source>
        <translation>已打开会话 {name}。</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved the session to {path}.</source>
        <translation>已将会话保存到 {path}。</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{name} looks like a lesson; this build of bpviz has no Lesson view to open it in.</source>
        <translation>{name} 看起来是一节课程；当前版本的 bpviz 没有可以打开它的课程视图。</translation>
    </message>
    <message>
        <source>bpviz opens sessions (.bpviz), models (.npz), lessons (.toml) and data tables (.csv); {name} is none of these.</source>
        <translation>bpviz 可以打开会话（.bpviz）、模型（.npz）、课程（.toml）和数据表（.csv）；{name} 不属于其中任何一种。</translation>
    </message>
    <message>
        <source>Could not use {name} as data: {reason}</source>
        <translation>无法将 {name} 用作数据：{reason}</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Open &amp;session…</source>
        <translation>打开会话(&amp;S)…</translation>
    </message>
    <message>
        <source>Save s&amp;ession…</source>
        <translation>保存会话(&amp;E)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>bpviz sessions (*.bpviz);;Models, lessons and tables (*.npz *.toml *.csv)</source>
        <translation>bpviz 会话 (*.bpviz);;模型、课程和数据表 (*.npz *.toml *.csv)</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>bpviz sessions (*.bpviz)</source>
        <translation>bpviz 会话 (*.bpviz)</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>One sample</source>
        <translation>单个样本</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>Backpropagate the test image shown in the Sample panel (or a drawn digit)</source>
        <translation>对“样本”面板中显示的测试图像（或手写数字）进行反向传播</translation>
    </message>
    <message>
        <source>Backpropagate each sample of a random mini-batch of m training images, add up the gradients, then make one update — the seed&apos;s {fn}</source>
        <translation>对由 m 张训练图像组成的随机小批量中的每个样本进行反向传播，把梯度加起来，然后做一次更新——即原始程序的 {fn}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Start again on the current weights (a new random mini-batch in batch mode)</source>
        <translation>用当前权重重新开始（小批量模式下换一个新的随机小批量）</translation>
    </message>
    <message>
        <source>First step (Home)</source>
        <translation>第一步（Home）</translation>
    </message>
    <message>
        <source>Previous step (←)</source>
        <translation>上一步（←）</translation>
    </message>
    <message>
        <source>Next step (→)</source>
        <translation>下一步（→）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（Space）</translation>
    </message>
    <message>
        <source>Playing speed: steps per second ÷ 2</source>
        <translation>播放速度：每秒步数 ÷ 2</translation>
    </message>
    <message>
        <source>(Pause or stop training to step through.)</source>
        <translation>（暂停或停止训练后才能逐步演示。）</translation>
    </message>
    <message>
        <source>Training is running: pause or stop it to step through backpropagation.</source>
        <translation>训练正在进行：暂停或停止训练后才能逐步查看反向传播。</translation>
    </message>
    <message>
        <source>Equations</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Keep this update</source>
        <translation>保留这次更新</translation>
    </message>
    <message>
        <source>Give the network these new weights (the step-through itself never changes them)</source>
        <translation>把这些新权重交给网络（逐步演示本身从不改变权重）</translation>
    </message>
    <message>
        <source>Not now: a training run is paused (after B or Pause). Stop it (S) first; then the weights can be changed by hand.</source>
        <translation>现在不行：一次训练处于暂停状态（按了 B 或“暂停”之后）。请先停止它（S），之后才能手动改变权重。</translation>
    </message>
    <message>
        <source>Go to the update step first (End).</source>
        <translation>请先转到更新那一步（End）。</translation>
    </message>
    <message>
        <source>Step through backpropagation</source>
        <translation>逐步查看反向传播</translation>
    </message>
    <message>
        <source>Press → (next step) to walk through one sample: feedforward layer by layer, then the error δ backwards (BP1, BP2), the gradients (BP3, BP4) and the update.</source>
        <translation>按 →（下一步）逐步走过一个样本：逐层前馈，然后误差 δ 反向传播（BP1、BP2），接着是梯度（BP3、BP4）和更新。</translation>
    </message>
    <message>
        <source>A mini-batch of {m} training images (η = {eta})</source>
        <translation>由 {m} 张训练图像组成的小批量（η = {eta}）</translation>
    </message>
    <message>
        <source>A mini-batch of {m} training samples (η = {eta})</source>
        <translation>由 {m} 个训练样本组成的小批量（η = {eta}）</translation>
    </message>
    <message>
        <source>Your drawn digit, target “{label}” (η = {eta})</source>
        <translation>你的手写数字，目标“{label}”（η = {eta}）</translation>
    </message>
    <message>
        <source>Test image #{i}, label “{label}” (η = {eta})</source>
        <translation>测试图像 #{i}，标签“{label}”（η = {eta}）</translation>
    </message>
    <message>
        <source>Test sample #{i}, label “{label}” (η = {eta})</source>
        <translation>测试样本 #{i}，标签“{label}”（η = {eta}）</translation>
    </message>
    <message>
        <source>Step {i} / {n} · {title}</source>
        <translation>第 {i} / {n} 步 · {title}</translation>
    </message>
    <message>
        <source> It stays pinned for every sample of the mini-batch.</source>
        <translation>对小批量中的每个样本，它都保持固定。</translation>
    </message>
    <message>
        <source>Showing the neuron you selected (ringed in the network).</source>
        <translation>显示你选中的神经元（在网络中用圆圈标出）。</translation>
    </message>
    <message>
        <source>Showing neuron {j} of layer {l} (ringed in the network); click another neuron (or an edge into it) in the network.</source>
        <translation>显示第 {l} 层的神经元 {j}（在网络中用圆圈标出）；可在网络中点击另一个神经元（或通向它的连接）。</translation>
    </message>
    <message>
        <source>a (after)</source>
        <translation>a（更新后）</translation>
    </message>
    <message>
        <source>{name} of layer {l} ({n} values), neuron {j} marked</source>
        <translation>第 {l} 层的 {name}（{n} 个值），标出了神经元 {j}</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>σ′(z) = {sp} &amp;lt; {threshold}: this neuron is saturated, but the cross-entropy δ = a − y has no σ′ factor, so it still learns in proportion to its error</source>
        <extracomment>Which general equation of the panel each kind of step highlights.</extracomment>
        <translation>σ′(z) = {sp} &amp;lt; {threshold}：这个神经元已饱和，但交叉熵的 δ = a − y 没有 σ′ 因子，所以它仍按误差的大小学习</translation>
    </message>
    <message>
        <source>σ′(z) = {sp} &amp;lt; {threshold}: this neuron is saturated, so δ is small and it learns slowly</source>
        <translation>σ′(z) = {sp} &amp;lt; {threshold}：这个神经元已饱和，所以 δ 很小，它学得很慢</translation>
    </message>
    <message>
        <source>{silent} of the {n} neurons of layer {k} are silent (a = 0) on this sample: the edges from them get no gradient (∂C/∂w = a·δ = 0).</source>
        <translation>在这个样本上，第 {k} 层的 {n} 个神经元中有 {silent} 个是沉默的（a = 0）：从它们出发的连接没有梯度（∂C/∂w = a·δ = 0）。</translation>
    </message>
    <message>
        <source>The image is fed in as the activations of layer 1: a¹ = x, one value per pixel. The target y is the vector with 1 for the class “{y}” and 0 elsewhere.</source>
        <extracomment>sum_w[l − 2][i]: Σ over the first i + 1 samples of ∂C_x/∂w^l (made when asked for)</extracomment>
        <translation>图像作为第 1 层的激活值输入：a¹ = x，每个像素一个值。目标 y 是类别“{y}”处为 1、其余处为 0 的向量。</translation>
    </message>
    <message>
        <source>The sample is fed in as the activations of layer 1: a¹ = x, one value per input. The target y is the vector with 1 for the class “{y}” and 0 elsewhere.</source>
        <translation>样本作为第 1 层的激活值输入：a¹ = x，每个输入一个值。目标 y 是类别“{y}”处为 1、其余处为 0 的向量。</translation>
    </message>
    <message>
        <source>Input{of}</source>
        <translation>输入{of}</translation>
    </message>
    <message>
        <source>Feedforward into layer {l}{of}</source>
        <translation>前馈到第 {l} 层{of}</translation>
    </message>
    <message>
        <source>Each neuron of layer {l} adds up the activations of layer {k}, weighted by the edges into it, plus its bias (that is z), and squashes the sum with σ. Backpropagation will need every z and a computed here.</source>
        <translation>第 {l} 层的每个神经元把第 {k} 层的激活值按通向它的连接加权求和，再加上它的偏置（这就是 z），然后用 σ 压缩这个和。反向传播需要这里算出的每个 z 和 a。</translation>
    </message>
    <message>
        <source>BP1: the output error δᴸ{of}</source>
        <translation>BP1：输出层的误差 δᴸ{of}</translation>
    </message>
    <message>
        <source>How much the cost changes when the output neuron&apos;s z changes: the output is compared with the target (aᴸ − y) and scaled by σ′(zᴸ), which is tiny when a neuron is saturated — then it learns slowly.</source>
        <translation>输出神经元的 z 变化时代价变化多少：把输出与目标比较（aᴸ − y），再乘以 σ′(zᴸ)；神经元饱和时 σ′(zᴸ) 很小——这时它学得很慢。</translation>
    </message>
    <message>
        <source>How much the cost changes when the output neuron&apos;s z changes: with the cross-entropy cost it is simply aᴸ − y; no σ′ factor, so saturated neurons still learn fast.</source>
        <translation>输出神经元的 z 变化时代价变化多少：使用交叉熵代价函数时它就是 aᴸ − y；没有 σ′ 因子，所以饱和的神经元仍然学得快。</translation>
    </message>
    <message>
        <source>BP2: the error moves back to layer {l}{of}</source>
        <translation>BP2：误差反向传到第 {l} 层{of}</translation>
    </message>
    <message>
        <source>Each neuron of layer {l} collects the errors of layer {k}, weighted by the same edges that carried its activation forward (wᵀδ), and scales them by its own σ′(z). This is the backward pass: one matrix product per layer.</source>
        <translation>第 {l} 层的每个神经元收集第 {k} 层的误差，用当初把它的激活值向前传递的同一批连接加权（wᵀδ），再乘以它自己的 σ′(z)。这就是反向传播：每层一次矩阵乘法。</translation>
    </message>
    <message>
        <source>BP3/BP4: gradients of layer {l}{of}</source>
        <translation>BP3/BP4：第 {l} 层的梯度{of}</translation>
    </message>
    <message>
        <source>The error of a neuron is the gradient for its bias (BP3); the gradient for a weight is the error at its end times the activation at its start (BP4): edges from silent neurons (a = 0) get no gradient.</source>
        <translation>神经元的误差就是它的偏置的梯度（BP3）；权重的梯度是其终点的误差乘以其起点的激活值（BP4）：来自沉默神经元（a = 0）的连接没有梯度。</translation>
    </message>
    <message>
        <source> The sums over the mini-batch so far are shown too.</source>
        <translation>同时显示到此为止在小批量上的和。</translation>
    </message>
    <message>
        <source> (sample {i} of {m})</source>
        <translation>（第 {i} 个样本，共 {m} 个）</translation>
    </message>
    <message>
        <source>Every weight and bias moves against its gradient, averaged over the {m} samples of the mini-batch and scaled by the learning rate η = {eta}. The edges show the change Δw.</source>
        <translation>每个权重和偏置都沿梯度的反方向移动，梯度在小批量的 {m} 个样本上取平均，并乘以学习速率 η = {eta}。连接显示变化量 Δw。</translation>
    </message>
    <message>
        <source>Every weight and bias moves against its gradient, averaged over the {m} sample of the mini-batch and scaled by the learning rate η = {eta}. The edges show the change Δw.</source>
        <translation>每个权重和偏置都沿梯度的反方向移动，梯度在小批量的 {m} 个样本上取平均，并乘以学习速率 η = {eta}。连接显示变化量 Δw。</translation>
    </message>
    <message>
        <source> With L2 regularisation (λ = {lmbda}, n = {n}) every weight first shrinks by the factor 1 − ηλ/n = {decay}; biases do not.</source>
        <translation>使用 L2 规范化（λ = {lmbda}，n = {n}）时，每个权重先乘以因子 1 − ηλ/n = {decay} 而缩小；偏置不缩小。</translation>
    </message>
    <message>
        <source>Gradient descent: the change</source>
        <translation>梯度下降：变化量</translation>
    </message>
    <message>
        <source>Gradient descent: the result</source>
        <translation>梯度下降：结果</translation>
    </message>
    <message>
        <source>This update would make the weights non-finite (η is far too large): the network keeps its old weights.</source>
        <translation>这次更新会使权重变成非有限值（η 太大了）：网络保留原来的权重。</translation>
    </message>
    <message>
        <source>The cost over this sample went up: {c0} → {c1}.</source>
        <translation>这个样本上的代价上升了：{c0} → {c1}。</translation>
    </message>
    <message>
        <source>The cost over this sample went down: {c0} → {c1}.</source>
        <translation>这个样本上的代价下降了：{c0} → {c1}。</translation>
    </message>
    <message>
        <source>The cost over this sample went nowhere: {c0} → {c1}.</source>
        <translation>这个样本上的代价没有变化：{c0} → {c1}。</translation>
    </message>
    <message>
        <source>The cost over these {m} samples went up: {c0} → {c1}.</source>
        <translation>这 {m} 个样本上的代价上升了：{c0} → {c1}。</translation>
    </message>
    <message>
        <source>The cost over these {m} samples went down: {c0} → {c1}.</source>
        <translation>这 {m} 个样本上的代价下降了：{c0} → {c1}。</translation>
    </message>
    <message>
        <source>The cost over these {m} samples went nowhere: {c0} → {c1}.</source>
        <translation>这 {m} 个样本上的代价没有变化：{c0} → {c1}。</translation>
    </message>
    <message>
        <source>The target neuron&apos;s output did not change.</source>
        <translation>目标神经元的输出没有变化。</translation>
    </message>
    <message>
        <source>target y = class “{name}”: {yk} = 1, all other {yj} = 0</source>
        <translation>目标 y = 类别“{name}”：{yk} = 1，其余 {yj} = 0</translation>
    </message>
    <message>
        <source>softmax with the log-likelihood cost</source>
        <translation>柔性最大值配对数似然代价</translation>
    </message>
    <message>
        <source>sums over the first {i} of {m} samples:</source>
        <translation>前 {i} 个样本（共 {m} 个）上的和：</translation>
    </message>
    <message>
        <source>output for this x, neuron {j} (class “{name}”): {a} = {before} → &lt;b&gt;{after}&lt;/b&gt;&lt;br&gt;target neuron {y}: {y0} → &lt;b&gt;{y1}&lt;/b&gt;; the network says “{p0}” before, “{p1}” after</source>
        <translation>这个 x 的输出，神经元 {j}（类别“{name}”）：{a} = {before} → &lt;b&gt;{after}&lt;/b&gt;&lt;br&gt;目标神经元 {y}：{y0} → &lt;b&gt;{y1}&lt;/b&gt;；更新前网络认为是“{p0}”，更新后认为是“{p1}”</translation>
    </message>
    <message>
        <source>cost of this sample {cx} = {c}</source>
        <translation>这个样本的代价 {cx} = {c}</translation>
    </message>
    <message>
        <source>(softmax, log-likelihood)</source>
        <translation>（柔性最大值，对数似然）</translation>
    </message>
    <message>
        <source>Each neuron of layer {l} adds up the activations of layer {k}, weighted by the edges into it, plus its bias (that is z), and squashes the sum with tanh into (−1, 1). Backpropagation will need every z and a computed here.</source>
        <extracomment>tanh′ below this is as slow, relative to its largest value 1, as σ′ below SATURATION_THRESHOLD is to 0.25</extracomment>
        <translation>第 {l} 层的每个神经元把第 {k} 层的激活值按连入它的连接的权重加权求和，再加上自己的偏置（这就是 z），然后用 tanh 把和压缩到 (−1, 1) 之间。反向传播要用到这里算出的每个 z 和 a。</translation>
    </message>
    <message>
        <source>Each neuron of layer {l} adds up the activations of layer {k}, weighted by the edges into it, plus its bias (that is z), and passes it through ReLU: a = z when z &gt; 0, else 0. Backpropagation will need every z and a computed here.</source>
        <translation>第 {l} 层的每个神经元把第 {k} 层的激活值按连入它的连接的权重加权求和，再加上自己的偏置（这就是 z），然后通过 ReLU：z &gt; 0 时 a = z，否则为 0。反向传播要用到这里算出的每个 z 和 a。</translation>
    </message>
    <message>
        <source>Each output neuron adds up the activations of layer {k}, weighted by the edges into it, plus its bias (that is z); the softmax turns all of layer {l}&apos;s z into outputs e^z / Σ e^z that are positive and add up to 1.</source>
        <translation>每个输出神经元把第 {k} 层的激活值按连入它的连接的权重加权求和，再加上自己的偏置（这就是 z）；柔性最大值把第 {l} 层所有的 z 变成输出 e^z / Σ e^z，它们都是正数且总和为 1。</translation>
    </message>
    <message>
        <source>How much the cost changes when the output neuron&apos;s z changes: with a softmax output and the log-likelihood cost C = −ln aᴸ_y it is simply aᴸ − y, with no f′ factor, so no output neuron learns slowly because it is saturated.</source>
        <translation>输出神经元的 z 变化时代价变化多少：用柔性最大值输出和对数似然代价 C = −ln aᴸ_y 时，它就是 aᴸ − y，没有 f′ 因子，所以不会有输出神经元因饱和而学得慢。</translation>
    </message>
    <message>
        <source>Each neuron of layer {l} collects the errors of layer {k}, weighted by the same edges that carried its activation forward (wᵀδ), and scales them by its own tanh′(z) = 1 − a². This is the backward pass: one matrix product per layer.</source>
        <translation>第 {l} 层的每个神经元收集第 {k} 层的误差，按把它的激活值向前传递的同一组连接的权重加权（wᵀδ），再乘上它自己的 tanh′(z) = 1 − a²。这就是反向传递：每层一次矩阵乘法。</translation>
    </message>
    <message>
        <source>Each neuron of layer {l} collects the errors of layer {k}, weighted by the same edges that carried its activation forward (wᵀδ), and scales them by its own ReLU′(z): 1 if z &gt; 0, else 0, so a neuron that is off passes no error back. This is the backward pass: one matrix product per layer.</source>
        <translation>第 {l} 层的每个神经元收集第 {k} 层的误差，按把它的激活值向前传递的同一组连接的权重加权（wᵀδ），再乘上它自己的 ReLU′(z)：z &gt; 0 时为 1，否则为 0，所以关闭的神经元不把误差传回。这就是反向传递：每层一次矩阵乘法。</translation>
    </message>
    <message>
        <source>z = {z} ≤ 0: this ReLU neuron is off for this sample, ReLU′(z) = 0, so its δ is 0 and its weights get no gradient from it (a neuron off for every sample is dead: it never learns again)</source>
        <translation>z = {z} ≤ 0：这个 ReLU 神经元对这个样本处于关闭状态，ReLU′(z) = 0，所以它的 δ 为 0，它的权重从这个样本得不到梯度（对所有样本都关闭的神经元是死神经元：它再也学不动了）</translation>
    </message>
    <message>
        <source>tanh′(z) = {fp} &amp;lt; {threshold}: this neuron is saturated, so δ is small and it learns slowly</source>
        <translation>tanh′(z) = {fp} &amp;lt; {threshold}：这个神经元饱和了，所以 δ 很小，它学得很慢</translation>
    </message>
    <message>
        <source> + … ({n} more terms, together {rest})</source>
        <translation> + …（另有 {n} 项，合计 {rest}）</translation>
    </message>
    <message>
        <source>The target neuron&apos;s output rose towards 1 ({b} → {a}).</source>
        <translation>目标神经元的输出向 1 升高（{b} → {a}）。</translation>
    </message>
    <message>
        <source>The target neuron&apos;s output fell, away from 1 ({b} → {a}).</source>
        <translation>目标神经元的输出下降，离 1 更远了（{b} → {a}）。</translation>
    </message>
    <message>
        <source>For {k} of the {m} samples the target neuron&apos;s output rose, and for {c} of them the cost fell.</source>
        <translation>{m} 个样本中，有 {k} 个的目标神经元输出升高，有 {c} 个的代价下降。</translation>
    </message>
    <message>
        <source>One step lowered the batch&apos;s mean cost, not every sample&apos;s.</source>
        <translation>一步更新降低的是这个小批量的平均代价，而不是每个样本的代价。</translation>
    </message>
    <message>
        <source>That change is float rounding: one {dtype} step at this value is {sp}, and to first order the update changes it by only {fo}.</source>
        <translation>这个变化是浮点舍入：{dtype} 在这个值附近的一个步长是 {sp}，而按一阶近似，这次更新只让它改变 {fo}。</translation>
    </message>
    <message>
        <source>For this output the step overshot: a much smaller step in the same direction raises it (first-order change {fo}); at η = {eta} the step is too long for it.</source>
        <translation>对这个输出来说，这一步走过头了：沿同一方向走小得多的一步会让它升高（一阶变化 {fo}）；在 η = {eta} 时，这一步对它来说太长了。</translation>
    </message>
    <message>
        <source>A much smaller step in the same direction would lower it (first-order change {fo}): it rose because the step is large.</source>
        <translation>沿同一方向走小得多的一步会让它下降（一阶变化 {fo}）：它升高是因为这一步很大。</translation>
    </message>
    <message>
        <source>To first order this update leaves it unchanged: the change comes from the step&apos;s size.</source>
        <translation>按一阶近似，这次更新不改变它：变化来自步长的大小。</translation>
    </message>
    <message>
        <source>That is one step of learning.</source>
        <translation>这就是一步学习。</translation>
    </message>
    <message>
        <source>Not an overshoot: a much smaller step in the same direction lowers it too (first-order change {fo}).</source>
        <translation>这不是走过头：沿同一方向走小得多的一步也会让它下降（一阶变化 {fo}）。</translation>
    </message>
    <message>
        <source>The step lowers the cost of all outputs together; through the weights they share, the other outputs&apos; errors pull this one down ({rest}) more than its own error pulls it up ({own}).</source>
        <translation>这一步降低的是所有输出合起来的代价；通过共享的权重，其他输出的误差把这个输出往下拉（{rest}），超过了它自身误差往上推的量（{own}）。</translation>
    </message>
    <message>
        <source>The step lowers the cost of all outputs together; the other outputs&apos; errors, through the weights they share, and the weight decay pull this one down ({rest}) more than its own error pulls it up ({own}).</source>
        <translation>这一步降低的是所有输出合起来的代价；其他输出的误差（通过共享的权重）和权重衰减把这个输出往下拉（{rest}），超过了它自身误差往上推的量（{own}）。</translation>
    </message>
    <message>
        <source>That change is float rounding: one {dtype} step at this cost is {sp}, and to first order the update changes it by only {fo}.</source>
        <translation>这个变化是浮点舍入：{dtype} 在这个代价附近的一个步长是 {sp}，而按一阶近似，这次更新只让它改变 {fo}。</translation>
    </message>
    <message>
        <source>The step overshot: a much smaller step in the same direction lowers this cost (first-order change {fo}), so η = {eta} is too large here.</source>
        <translation>这一步走过头了：沿同一方向走小得多的一步会降低这个代价（一阶变化 {fo}），所以这里 η = {eta} 太大了。</translation>
    </message>
    <message>
        <source>To first order this update leaves the cost unchanged: the change comes from the step&apos;s size.</source>
        <translation>按一阶近似，这次更新不改变代价：变化来自步长的大小。</translation>
    </message>
    <message>
        <source>To first order this update raises this cost too ({fo}): with λ = {lmbda} the step also shrinks every weight, and the cost shown has no L2 term.</source>
        <translation>按一阶近似，这次更新也会升高这个代价（{fo}）：λ = {lmbda} 时这一步还会缩小每个权重，而这里显示的代价不含 L2 项。</translation>
    </message>
    <message>
        <source>To first order this update raises this cost too ({fo}).</source>
        <translation>按一阶近似，这次更新也会升高这个代价（{fo}）。</translation>
    </message>
    <message>
        <source>Shown now: the network after the update.</source>
        <translation>现在显示的是更新之后的网络。</translation>
    </message>
    <message>
        <source>(cross-entropy)</source>
        <translation>（交叉熵）</translation>
    </message>
</context>
<context>
    <name>TeachPanel</name>
    <message>
        <source>Teaching history reset.</source>
        <translation>教学历史已重置。</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Dark</source>
        <extracomment>The dark interface&apos;s colours (as written in bpviz/gui) → the light theme&apos;s. Backgrounds become light, text dark, and each accent a darker shade of its hue that reads on white. Colours of the light map that are backgrounds (the rest are drawn on them as text or lines). Dark colours that are borders or fills, never text (not held to the text contrast). Projector mode, stronger contrast: secondary (muted) text is drawn as main text, in either theme.</extracomment>
        <translation>深色</translation>
    </message>
    <message>
        <source>Light (bright rooms, handouts)</source>
        <translation>浅色（明亮的教室、讲义）</translation>
    </message>
    <message>
        <source>unknown theme {name}; choose one of {names}</source>
        <translation>未知的主题 {name}；请从 {names} 中选择</translation>
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
        <source>Quadratic: C = ½‖y − a‖², BP1 δᴸ = (aᴸ − y) ⊙ σ′(zᴸ).
Cross-entropy: BP1 becomes δᴸ = aᴸ − y (no learning slow-down).</source>
        <translation>二次代价：C = ½‖y − a‖²，BP1 δᴸ = (aᴸ − y) ⊙ σ′(zᴸ)。
交叉熵：BP1 变为 δᴸ = aᴸ − y（没有学习减速）。</translation>
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
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <source>Folder of images, one sub-folder per class…</source>
        <translation>图像文件夹，每个类别一个子文件夹…</translation>
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
        <source>How fast training runs: from 1 mini-batch per second (each update can be watched: the edges that changed most flash and every cost point appears) to full speed (right end).
Can be changed while training runs.</source>
        <translation>训练运行得多快：从每秒 1 个小批量（每次更新都看得清：变化最大的连接会闪亮，每个代价点都会出现）到全速（最右端）。
训练进行中也可以调整。</translation>
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
        <source>Hidden neurons</source>
        <translation>隐藏层神经元</translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation>输出层</translation>
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
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>节奏</translation>
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
        <source>Training runs: only η and the pace can change now. Stop (S) to change the rest.</source>
        <translation>正在训练：现在只能修改 η 和节奏。停止（S）后才能修改其余设置。</translation>
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
        <source>{name} (download)</source>
        <translation>{name}（需下载）</translation>
    </message>
</context>
<context>
    <name>Twin</name>
    <message>
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>sizes</source>
        <translation>层大小</translation>
    </message>
    <message>
        <source>initial weights × scale</source>
        <translation>初始权重 × 倍数</translation>
    </message>
    <message>
        <source>{setting} must be a number (got {text})</source>
        <translation>{setting} 必须是一个数（输入的是 {text}）</translation>
    </message>
    <message>
        <source>{setting} = {value} is what both runs already have: choose another value</source>
        <translation>{setting} = {value} 是两个运行都已有的设置：请选择另一个值</translation>
    </message>
</context>
<context>
    <name>Why</name>
    <message>
        <source>quick (about 5 s)</source>
        <extracomment>The Δw slider: 10 steps per decade from 1e-4 to 1 on each side of 0 (0 = no nudge). The ε slider: 4 steps per decade from 1e-12 to 1. &quot;Check every parameter&quot; is offered up to this many parameters (2 forward passes each). The quick why-fast series (a few seconds) and the issue&apos;s full series.</extracomment>
        <translation>快速（约 5 秒）</translation>
    </message>
    <message>
        <source>medium (about 8 s)</source>
        <translation>中等（约 8 秒）</translation>
    </message>
    <message>
        <source>full (about 25 s)</source>
        <translation>完整（约 25 秒）</translation>
    </message>
    <message>
        <source>[784, n, 10] for n = 5 … 30</source>
        <extracomment>What each preset measures (the item&apos;s tooltip: the field itself is narrow at 1000 px).</extracomment>
        <translation>[784, n, 10]，n = 5 … 30</translation>
    </message>
    <message>
        <source>n = 5 … 300 and [784, 100, 100, 100, 10]</source>
        <translation>n = 5 … 300 以及 [784, 100, 100, 100, 10]</translation>
    </message>
    <message>
        <source>n = 5 … 300 and two deeper nets</source>
        <translation>n = 5 … 300 以及两个更深的网络</translation>
    </message>
    <message>
        <source>your drawn digit; a drawing has no label, so the target is the class the network predicts, “{name}”</source>
        <translation>你的手写数字；手写数字没有标签，所以目标取网络认为的类别“{name}”</translation>
    </message>
    <message>
        <source>test image #{index}, target its label “{name}”</source>
        <translation>测试图像 #{index}，目标为其标签“{name}”</translation>
    </message>
    <message>
        <source>test sample #{index}, target its label “{name}”</source>
        <translation>测试样本 #{index}，目标为其标签“{name}”</translation>
    </message>
    <message>
        <source>&lt;b&gt;Select a weight to nudge:&lt;/b&gt; click an edge in the network (the weight w&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;jk&lt;/sub&gt; joining neuron k of layer l−1 to neuron j of layer l), or click a neuron of layer 2 … {L} for its bias b&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt;.</source>
        <translation>&lt;b&gt;选择要扰动的权重：&lt;/b&gt;点击网络中的一条连接（连接第 l−1 层神经元 k 与第 l 层神经元 j 的权重 w&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;jk&lt;/sub&gt;），或点击第 2 … {L} 层的神经元以选择其偏置 b&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt;。</translation>
    </message>
    <message>
        <source>Change one weight by a small Δw and re-run the network: the change ripples through every later layer into the cost. Backprop predicts that ΔC ≈ ∂C/∂w · Δw.</source>
        <translation>把一个权重改变一个小量 Δw，再重新运行网络：这个变化会逐层传到后面的每一层，直到代价。反向传播预测 ΔC ≈ ∂C/∂w · Δw。</translation>
    </message>
    <message>
        <source>The nudge Δw on a logarithmic scale each side of 0: ±0.0001 … ±1 (keys [ and ] make it smaller and larger)</source>
        <translation>对数刻度上 0 两侧的扰动量 Δw：±0.0001 … ±1（按键 [ 和 ] 使其变小和变大）</translation>
    </message>
    <message>
        <source>The nudge Δw added to the selected parameter</source>
        <translation>加到所选参数上的扰动量 Δw</translation>
    </message>
    <message>
        <source>Smaller Δw: one step left on the slider ([)</source>
        <translation>减小 Δw：滑块向左一格（[）</translation>
    </message>
    <message>
        <source>Larger Δw: one step right on the slider (])</source>
        <translation>增大 Δw：滑块向右一格（]）</translation>
    </message>
    <message>
        <source>ΔC measured by running the network again with the nudged parameter, and backpropagation&apos;s first-order prediction</source>
        <translation>用扰动后的参数重新运行网络测得的 ΔC，以及反向传播的一阶预测</translation>
    </message>
    <message>
        <source>Δa layer by layer (largest changes)</source>
        <translation>逐层的 Δa（最大的变化）</translation>
    </message>
    <message>
        <source>The network colours each layer&apos;s Δa on that layer&apos;s own largest |Δa| (red up, blue down); the colour bar is the weights&apos; scale</source>
        <translation>网络按每层自身最大的 |Δa| 给该层的 Δa 着色（红色升高，蓝色降低）；色条是权重的刻度</translation>
    </message>
    <message>
        <source>The chain along the strongest path</source>
        <translation>沿最强路径的链</translation>
    </message>
    <message>
        <source>The product of the local rates ∂a^{q+1}/∂a^q along the single path that carries the largest part of the change; the sum over all paths is backprop</source>
        <translation>沿承载最大部分变化的那条路径，各局部变化率 ∂a^{q+1}/∂a^q 的乘积；对所有路径求和就是反向传播</translation>
    </message>
    <message>
        <source>the edge from neuron {k} of layer {lp} to neuron {j} of layer {l}</source>
        <translation>从第 {lp} 层神经元 {k} 到第 {l} 层神经元 {j} 的连接</translation>
    </message>
    <message>
        <source>the bias of neuron {j} of layer {l}</source>
        <translation>第 {l} 层神经元 {j} 的偏置</translation>
    </message>
    <message>
        <source>Nudging {name} = {value}</source>
        <translation>扰动 {name} = {value}</translation>
    </message>
    <message>
        <source>Sample: {sample}.</source>
        <translation>样本：{sample}。</translation>
    </message>
    <message>
        <source>C before the nudge</source>
        <translation>扰动前的 C</translation>
    </message>
    <message>
        <source>ΔC measured (network re-run)</source>
        <translation>实测 ΔC（重新运行网络）</translation>
    </message>
    <message>
        <source>∂C/∂{d} · Δ{d} (backprop&apos;s prediction)</source>
        <translation>∂C/∂{d} · Δ{d}（反向传播的预测）</translation>
    </message>
    <message>
        <source>∂C/∂{name} (backprop)</source>
        <translation>∂C/∂{name}（反向传播）</translation>
    </message>
    <message>
        <source>ratio measured / predicted</source>
        <translation>实测 / 预测 之比</translation>
    </message>
    <message>
        <source> — {note}</source>
        <translation>——{note}</translation>
    </message>
    <message>
        <source>Δw = 0: nothing is nudged, so nothing changes. Move the slider.</source>
        <translation>Δw = 0：没有扰动，所以什么都不变。请拖动滑块。</translation>
    </message>
    <message>
        <source>∂C/∂θ = 0: backprop predicts no change; measured ΔC = {dc}. {why}</source>
        <translation>∂C/∂θ = 0：反向传播预测不会变化；实测 ΔC = {dc}。{why}</translation>
    </message>
    <message>
        <source>Measured and predicted are within {pct} % of each other: for this Δw the first-order prediction of backprop is right.</source>
        <translation>实测与预测吻合，差距在 {pct}% 以内：对这个 Δw，反向传播的一阶预测是对的。</translation>
    </message>
    <message>
        <source>Measured and predicted differ by {pct} %, but the difference ({diff}) is within what float64 rounding can do to the measured ΔC ({bound}): the output that moves C most changed by only {steps} float steps. This is rounding, not curvature: a smaller Δw makes it worse; a larger Δw (]) lifts the change above it.</source>
        <translation>实测与预测相差 {pct}%，但这个差（{diff}）没有超出 float64 舍入对实测 ΔC 可能造成的误差（{bound}）：对 C 影响最大的输出只变化了 {steps} 个浮点步长。这是舍入，不是曲率：Δw 越小越糟；增大 Δw（]）能让变化超过舍入误差。</translation>
    </message>
    <message>
        <source>Measured and predicted differ by {pct} %: at this Δw the change is no longer proportional to Δw (the second-order terms matter: the difference, {diff}, is far above what rounding can do, {bound}). Make Δw smaller ([) and they meet.</source>
        <translation>实测与预测相差 {pct}%：在这个 Δw 下，变化已不再与 Δw 成正比（二阶项起作用：差 {diff} 远大于舍入可能造成的误差 {bound}）。把 Δw 调小（[），两者就会吻合。</translation>
    </message>
    <message>
        <source>more than all of it: paths of the other sign cancel part of this one</source>
        <translation>超过了全部：符号相反的路径抵消了它的一部分</translation>
    </message>
    <message>
        <source>paths of the other sign cancel all of this one and flip the sign of the sum</source>
        <translation>符号相反的路径完全抵消了它，并使总和变号</translation>
    </message>
    <message>
        <source>Backprop&apos;s ∂C/∂θ and every central difference are 0 in {dtypes}: the relative error is 0 at every ε, and the logarithmic plot has no point to draw.</source>
        <translation>在 {dtypes} 中，反向传播的 ∂C/∂θ 和每个中心差分都是 0：相对误差在每个 ε 下都是 0，对数坐标图上没有可画的点。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>in {dtype} backprop&apos;s ∂C/∂θ and every central difference are 0, so the error is 0 at every ε and the logarithmic plot has no point to draw</source>
        <translation>在 {dtype} 中，反向传播的 ∂C/∂θ 和每个中心差分都是 0，所以误差在每个 ε 下都是 0，对数坐标图上没有可画的点</translation>
    </message>
    <message>
        <source>in {dtype} every central difference is 0 (C does not change at this precision), so the error is 1 at every ε</source>
        <translation>在 {dtype} 中，每个中心差分都是 0（在这个精度下 C 没有变化），所以误差在每个 ε 下都是 1</translation>
    </message>
    <message>
        <source>smallest in {dtype} ({err}) at ε = {eps}</source>
        <translation>{dtype} 中最小（{err}），在 ε = {eps} 处</translation>
    </message>
    <message>
        <source> (exactly 0 at {n} ε, left out of the logarithmic plot)</source>
        <translation>（在 {n} 个 ε 处恰好为 0，对数坐标图上略去）</translation>
    </message>
    <message>
        <source>Relative error |g_bp − g_num| / (|g_bp| + |g_num|): {parts}.</source>
        <translation>相对误差 |g_bp − g_num| / (|g_bp| + |g_num|)：{parts}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source> Larger ε: the difference quotient&apos;s own error (∝ ε²); smaller ε: rounding of C (∝ 1/ε) takes over.</source>
        <translation>ε 更大时：差商本身的误差（∝ ε²）；ε 更小时：C 的舍入误差（∝ 1/ε）占主导。</translation>
    </message>
    <message>
        <source>{a} = 0 on this sample, so this weight has no effect on it.</source>
        <translation>在该样本上 {a} = 0，所以这个权重对它没有影响。</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>没有变化</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>layer {q}: {items}</source>
        <translation>第 {q} 层：{items}</translation>
    </message>
    <message>
        <source>&lt;b&gt;cost: ΔC = {dc}&lt;/b&gt;</source>
        <translation>&lt;b&gt;代价：ΔC = {dc}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>undefined (the sum is 0)</source>
        <translation>无定义（总和为 0）</translation>
    </message>
    <message>
        <source>The only path</source>
        <translation>唯一的路径</translation>
    </message>
    <message>
        <source>Strongest of {n} paths</source>
        <translation>{n} 条路径中最强的一条</translation>
    </message>
    <message>
        <source>Sum over the 1 path = &lt;b&gt;{total}&lt;/b&gt; {eq} backprop&apos;s ∂C/∂{name} = &lt;b&gt;{grad}&lt;/b&gt;</source>
        <translation>这 1 条路径之和 = &lt;b&gt;{total}&lt;/b&gt; {eq} 反向传播的 ∂C/∂{name} = &lt;b&gt;{grad}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sum over all {n} paths = &lt;b&gt;{total}&lt;/b&gt; {eq} backprop&apos;s ∂C/∂{name} = &lt;b&gt;{grad}&lt;/b&gt;</source>
        <translation>全部 {n} 条路径之和 = &lt;b&gt;{total}&lt;/b&gt; {eq} 反向传播的 ∂C/∂{name} = &lt;b&gt;{grad}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{which}: {route}</source>
        <translation>{which}：{route}</translation>
    </message>
    <message>
        <source>product = &lt;b&gt;{product}&lt;/b&gt;, share of the sum: {share}</source>
        <translation>乘积 = &lt;b&gt;{product}&lt;/b&gt;，占总和的比例：{share}</translation>
    </message>
    <message>
        <source>Δa after nudging {name} by {dw} · rings: strongest path</source>
        <translation>将 {name} 扰动 {dw} 后的 Δa · 圆环：最强路径</translation>
    </message>
    <message>
        <source>∂C/∂w · Δw (backprop)</source>
        <translation>∂C/∂w · Δw（反向传播）</translation>
    </message>
    <message>
        <source>Select a weight (click an edge) in the Nudge tab to see ΔC against Δw.</source>
        <translation>在“扰动”页中选择一个权重（点击一条连接），查看 ΔC 与 Δw 的关系。</translation>
    </message>
    <message>
        <source>Backprop&apos;s gradient is 0 here, so its prediction is the flat line ΔC = 0.</source>
        <translation>这里反向传播的梯度为 0，所以它的预测是水平线 ΔC = 0。</translation>
    </message>
    <message>
        <source>Measured and predicted agree within 1 % over the whole range |Δw| ≤ {span}.</source>
        <translation>在整个范围 |Δw| ≤ {span} 内，实测与预测相差不到 1%。</translation>
    </message>
    <message>
        <source>They differ by more than 1 % even at |Δw| = {dw}, the smallest nudge plotted (rounding of C, or a second-order change larger than the first-order one).</source>
        <translation>即使在所绘最小的扰动 |Δw| = {dw} 处，两者也相差超过 1%（C 的舍入误差，或二阶变化大于一阶变化）。</translation>
    </message>
    <message>
        <source>They agree within 1 % for |Δw| up to {dw} and part beyond it: the prediction is the tangent at Δw = 0.</source>
        <translation>在 |Δw| 不超过 {dw} 时（以及更远的一部分）两者相差不到 1%：预测就是 Δw = 0 处的切线。</translation>
    </message>
    <message>
        <source>ΔC of {name} against Δw on {sample} (each point a full re-run of the network); the marked point is Δw = {dw}.</source>
        <translation>{name} 的 ΔC 随 Δw 的变化，样本：{sample}（每个点都完整地重新运行一次网络）；标出的点是 Δw = {dw}。</translation>
    </message>
    <message>
        <source>ε of the central difference (C(θ+ε) − C(θ−ε)) / 2ε, from 1e-12 to 1 on a log scale</source>
        <translation>中心差分 (C(θ+ε) − C(θ−ε)) / 2ε 中的 ε，在对数刻度上从 1e-12 到 1</translation>
    </message>
    <message>
        <source>Check every parameter</source>
        <translation>检查每个参数</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>backprop</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>numerical</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Every parameter of the network on this sample, worst relative error first; click a row to select that weight or bias</source>
        <translation>网络在这个样本上的每个参数，相对误差最大的在前；点击一行可选中该权重或偏置</translation>
    </message>
    <message>
        <source>Error against ε</source>
        <translation>误差与 ε</translation>
    </message>
    <message>
        <source>All parameters</source>
        <translation>全部参数</translation>
    </message>
    <message>
        <source>Fill it with “Check every parameter” (small nets)</source>
        <translation>用“检查每个参数”填充（适用于小网络）</translation>
    </message>
    <message>
        <source>Central differences for all {P} parameters of this net on this sample (2 forward passes each) at the ε above</source>
        <translation>用上面的 ε 对该网络全部 {P} 个参数在该样本上做中心差分（每个参数 2 次前馈）</translation>
    </message>
    <message>
        <source>Offered for nets up to {max} parameters; this one has {P} (try sizes 2,3,2 in the Train tab, or bpviz explain gradcheck for a sample of a big net)</source>
        <translation>只对参数不超过 {max} 个的网络提供；这个网络有 {P} 个（可在“训练”标签页试试层大小 2,3,2，或对大网络的抽样参数使用 bpviz explain gradcheck）</translation>
    </message>
    <message>
        <source>“Check every parameter” is for small nets (≤ {max} parameters); this one has {P}.</source>
        <translation>“检查每个参数”只用于小网络（≤ {max} 个参数）；这个网络有 {P} 个。</translation>
    </message>
    <message>
        <source>{P} parameters: the table lists them all, worst first.</source>
        <translation>{P} 个参数：表格列出全部，最差的在前。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; on {sample}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;，样本：{sample}</translation>
    </message>
    <message>
        <source>backprop ∂C/∂θ</source>
        <translation>反向传播 ∂C/∂θ</translation>
    </message>
    <message>
        <source>central difference</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>Checked all {n} parameters in float64 at ε = {eps}: worst relative error {worst} ({name}).</source>
        <translation>已用 float64、ε = {eps} 检查全部 {n} 个参数：最大相对误差 {worst}（{name}）。</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>forward passes</source>
        <translation>前馈次数</translation>
    </message>
    <message>
        <source>central differences</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>倍数</translation>
    </message>
    <message>
        <source>how</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Which networks to measure (each on one random input, N(0, 1/n_in) weights)</source>
        <translation>要测量哪些网络（每个都用一个随机输入，权重取自 N(0, 1/n_in)）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Compute the full gradient of one sample&apos;s cost both ways for each network, counting forward passes and timing both (in a background thread)</source>
        <translation>对每个网络用两种方法计算一个样本代价的完整梯度，统计前馈次数并分别计时（在后台线程中）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the network being measured (a few seconds at most)</source>
        <translation>在当前正在测量的网络完成后停止（最多几秒）</translation>
    </message>
    <message>
        <source>%v / %m networks</source>
        <translation>%v / %m 个网络</translation>
    </message>
    <message>
        <source>Networks measured so far</source>
        <translation>目前已测量的网络</translation>
    </message>
    <message>
        <source>parameters P</source>
        <translation>参数个数 P</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Seconds for the full gradient of one sample&apos;s cost, against the number of parameters P (both axes logarithmic)</source>
        <translation>计算一个样本代价的完整梯度所需的秒数，与参数个数 P 的关系（两轴均为对数刻度）</translation>
    </message>
    <message>
        <source>Press Run. Every time is measured on this machine; nothing is assumed. Both ways are timed alike: one continuous run, divided by the work done. For a big network the central differences of a random sample of parameters are timed and scaled to all P: those points are hollow and the table says so.</source>
        <translation>请按“运行”。每个时间都在本机上实测，没有任何假设。两种方法的计时方式相同：连续运行一次，再除以完成的工作量。对大网络，只对随机抽取的部分参数的中心差分计时，再按比例换算到全部 P 个参数：这些点画成空心，表格中也会注明。</translation>
    </message>
    <message>
        <source>backprop, 1 forward + 1 backward pass</source>
        <translation>反向传播，1 次前馈加 1 次反向传播</translation>
    </message>
    <message>
        <source>From P = {a} to P = {b} backprop&apos;s lead grew: ×{ra} to ×{rb} (central differences cost 2P forward passes, backprop 1 forward and 1 backward pass).</source>
        <translation>从 P = {a} 到 P = {b}，反向传播的领先倍数变大了：从 ×{ra} 到 ×{rb}（中心差分需要 2P 次前馈，反向传播只需 1 次前馈加 1 次反向传播）。</translation>
    </message>
    <message>
        <source>From P = {a} to P = {b} backprop&apos;s lead did not grow: ×{ra} to ×{rb} (central differences cost 2P forward passes, backprop 1 forward and 1 backward pass).</source>
        <translation>从 P = {a} 到 P = {b}，反向传播的领先倍数没有变大：从 ×{ra} 到 ×{rb}（中心差分需要 2P 次前馈，反向传播只需 1 次前馈加 1 次反向传播）。</translation>
    </message>
    <message>
        <source>{a} forward vs {f} + {b}</source>
        <translation>{a} 次前馈 对 {f} + {b}</translation>
    </message>
    <message>
        <source>central differences, 2P passes (hollow: extrapolated)</source>
        <translation>中心差分，2P 次前馈（空心：外推值）</translation>
    </message>
    <message>
        <source>labels: backprop&apos;s speed-up</source>
        <translation>标注：反向传播的加速倍数</translation>
    </message>
    <message>
        <source>Time against P (log–log)</source>
        <translation>时间与 P 的关系（双对数）</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Measuring {n} networks (about {s} s of central differences in all)…</source>
        <translation>正在测量 {n} 个网络（中心差分共约 {s} 秒）…</translation>
    </message>
    <message>
        <source>Stopping after the network being measured…</source>
        <translation>将在当前网络测量完成后停止…</translation>
    </message>
    <message>
        <source>Measuring [{sizes}] ({i} of {n})…</source>
        <translation>正在测量 [{sizes}]（第 {i} 个，共 {n} 个）…</translation>
    </message>
    <message>
        <source>The measurement failed: {text}</source>
        <translation>测量失败：{text}</translation>
    </message>
    <message>
        <source>Measured {n} of {total} networks (stopped).</source>
        <translation>已测量 {total} 个网络中的 {n} 个（已停止）。</translation>
    </message>
    <message>
        <source>Measured {n} of {total} networks.</source>
        <translation>已测量 {total} 个网络中的 {n} 个。</translation>
    </message>
    <message>
        <source>extrapolated from {t} of {P} parameters ({passes} passes counted)</source>
        <translation>由 {P} 个参数中的 {t} 个外推（计入 {passes} 次前馈）</translation>
    </message>
    <message>
        <source>all parameters timed</source>
        <translation>全部参数均计时</translation>
    </message>
    <message>
        <source>Hollow points ({n}) are extrapolated: the central differences of a random sample of parameters were timed and scaled to all P (see the last column). Every other figure is measured in full on this machine.</source>
        <translation>空心点（{n} 个）是外推值：对随机抽取的部分参数的中心差分计时，再按比例换算到全部 P 个（见最后一列）。其他所有结果都在本机上完整测得。</translation>
    </message>
    <message>
        <source>Every figure is measured in full on this machine (no extrapolation).</source>
        <translation>每个结果都在本机上完整测得（没有外推）。</translation>
    </message>
    <message>
        <source>The code that runs at the current step of the step-through (Step tab, ← →)</source>
        <translation>逐步演示当前这一步所运行的代码（“逐步”页，← →）</translation>
    </message>
    <message>
        <source>The shapes of the arrays on the highlighted lines for the current network</source>
        <translation>当前网络下，高亮行中各数组的形状</translation>
    </message>
    <message>
        <source>the core&apos;s matrix form (mini-batch mode)</source>
        <translation>核心代码的矩阵形式（小批量模式）</translation>
    </message>
    <message>
        <source>the per-sample reference code, bpviz/reference.py</source>
        <translation>逐样本的参考代码 bpviz/reference.py</translation>
    </message>
    <message>
        <source>&lt;b&gt;The code, line by line&lt;/b&gt; — {which}. Go to the Step tab and press → (next step): the lines of each step light up here with the shapes of their arrays for this network.</source>
        <translation>&lt;b&gt;逐行查看代码&lt;/b&gt;——{which}。到“逐步”标签页按 →（下一步）：每一步对应的代码行会在这里高亮，并显示该网络中各数组的形状。</translation>
    </message>
    <message>
        <source>the core&apos;s matrix form: one row per sample of the mini-batch (m = {m})</source>
        <translation>核心代码的矩阵形式：小批量中每个样本一行（m = {m}）</translation>
    </message>
    <message>
        <source>the per-sample reference code, column vectors (n, 1)</source>
        <translation>逐样本的参考代码，列向量 (n, 1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {i} / {n} · {title}&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 {i} / {n} 步 · {title}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>— {form}; network {sizes}</source>
        <translation>——{form}；网络 {sizes}</translation>
    </message>
    <message>
        <source>line {line} (run {run}; {loop}): </source>
        <translation>第 {line} 行（第 {run} 次执行；{loop}）：</translation>
    </message>
    <message>
        <source>line {line} (run {run}): </source>
        <translation>第 {line} 行（第 {run} 次执行）：</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>扰动</translation>
    </message>
    <message>
        <source>Backpropagation, the big picture: nudge one weight and follow the change to the cost</source>
        <translation>反向传播的全局图景：扰动一个权重，追踪它对代价的影响</translation>
    </message>
    <message>
        <source>ΔC vs Δw</source>
        <translation>ΔC 与 Δw</translation>
    </message>
    <message>
        <source>ΔC against Δw for the selected weight: measured and predicted</source>
        <translation>所选权重的 ΔC 与 Δw 的关系：测量值与预测值</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Backprop&apos;s gradient against central differences</source>
        <translation>反向传播的梯度与中心差分的比较</translation>
    </message>
    <message>
        <source>Why fast</source>
        <translation>为什么快</translation>
    </message>
    <message>
        <source>Time of the full gradient: backprop against central differences</source>
        <translation>计算完整梯度的时间：反向传播与中心差分的比较</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>The code of the current step-through step, line by line</source>
        <translation>逐步演示当前这一步的代码，逐行显示</translation>
    </message>
    <message>
        <source>Nudge a weight (the big picture)</source>
        <translation>扰动一个权重（全局图景）</translation>
    </message>
    <message>
        <source>Smaller nudge Δw</source>
        <translation>减小扰动量 Δw</translation>
    </message>
    <message>
        <source>Move the Δw slider of the Nudge tab one step left</source>
        <translation>把“扰动”页的 Δw 滑块向左移一格</translation>
    </message>
    <message>
        <source>Larger nudge Δw</source>
        <translation>增大扰动量 Δw</translation>
    </message>
    <message>
        <source>Move the Δw slider of the Nudge tab one step right</source>
        <translation>把“扰动”页的 Δw 滑块向右移一格</translation>
    </message>
    <message>
        <source>Why backprop is fast</source>
        <translation>反向传播为什么快</translation>
    </message>
    <message>
        <source>The code, line by line</source>
        <translation>逐行查看代码</translation>
    </message>
</context>
<context>
    <name>World</name>
    <message>
        <source>{sizes} network trained for {epochs} epochs ({batches} mini-batches)</source>
        <translation>训练了 {epochs} 个迭代期（{batches} 个小批量）的 {sizes} 网络</translation>
    </message>
    <message>
        <source>{sizes} network trained for {epochs} epochs ({loaded} before it was opened, then {batches} mini-batches)</source>
        <translation>训练了 {epochs} 个迭代期的 {sizes} 网络（打开前已训练 {loaded} 个迭代期，之后又训练了 {batches} 个小批量）</translation>
    </message>
    <message>
        <source>{sizes} network</source>
        <translation>{sizes} 网络</translation>
    </message>
    <message>
        <source>{network}, changed once by hand (a kept update or a teaching step)</source>
        <translation>{network}，手动修改过一次（保留的更新或教学步骤）</translation>
    </message>
    <message>
        <source>{network}, changed {n} times by hand (kept updates or teaching steps)</source>
        <translation>{network}，手动修改过 {n} 次（保留的更新或教学步骤）</translation>
    </message>
    <message>
        <source>the {world} replaced by {what}</source>
        <translation>{world}（已被{what}替换）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
</TS>
