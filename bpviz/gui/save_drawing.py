"""The Draw tab's "Save this drawing to a dataset folder": a class can draw its own digits (or any
shapes), save each into ``FOLDER/CLASS/drawing-NNNN.png`` and train on the folder
(:mod:`bpviz.data.image_folder` reads it back through the same MNIST preprocessing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QFileDialog, QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from bpviz.data.image_folder import IMAGE_SUFFIXES, class_folders, save_drawing
from bpviz.gui.session import Session
from bpviz.gui.theme import theme


class SaveDrawingBox(QGroupBox):
    """Folder, class name and a Save button; the status line says what was written (or why not)."""

    def __init__(self, session: Session, canvas: Callable[[], np.ndarray], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Save this drawing to a dataset folder"), parent)
        self.session = session
        self._canvas = canvas
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("a folder for your dataset"))
        self.folder.setToolTip(self.tr("Each class gets a sub-folder of it; choose the folder as a dataset in the "
                                       "Train tab (Folder of images…) to train on your drawings"))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.clicked.connect(self.choose_folder)
        self.class_name = QLineEdit()
        self.class_name.setPlaceholderText(self.tr("class, e.g. 7"))
        self.class_name.setToolTip(self.tr("The class this drawing belongs to: the name of its sub-folder"))
        self.save_button = QPushButton(self.tr("Save this drawing to a dataset folder"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color:{theme().muted};")
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Folder")), 0, 0)
        grid.addWidget(self.folder, 0, 1)
        grid.addWidget(self.choose, 0, 2)
        grid.addWidget(QLabel(self.tr("Class")), 1, 0)
        grid.addWidget(self.class_name, 1, 1, 1, 2)
        grid.addWidget(self.save_button, 2, 0, 1, 3)
        grid.addWidget(self.status, 3, 0, 1, 3)

    def choose_folder(self) -> None:
        start = self.window().user_folder() if hasattr(self.window(), "user_folder") else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("A folder for your drawings"), start)
        if folder:
            self.folder.setText(folder)

    def save(self) -> Path | None:
        """Write the canvas as the class's next PNG; the path, or None with the reason shown."""
        folder = self.folder.text().strip()
        if not folder:
            self.status.setText(self.tr("Choose a folder first."))
            return None
        try:
            path = save_drawing(self._canvas(), folder, self.class_name.text())
        except (ValueError, OSError) as e:
            self.status.setText(self.tr("Not saved: {why}").format(why=str(e)))
            return None
        counts = []
        for c in class_folders(folder):
            n = sum(1 for p in c.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
            counts.append(f"{c.name}: {n}")
        self.status.setText(self.tr("Saved {path}. The folder now holds {counts}.").format(
            path=path, counts=", ".join(counts)))
        return path
