"""The OCR engine: RapidOCR's PP-OCR models, shipped in the ``rapidocr`` wheel, on CPU.

    detect      text lines of a page image (RapidOCR's detector, its DB post-processing)
    recognise   each line's characters, read here from the recogniser's own output: every
                character keeps its probability, the runner-up characters the model saw
                at its place, and its position on the page
    upside_down whether a page's lines read better turned half round (the angle classifier)

Why RapidOCR and not Tesseract: measured on scans of real reports (benchmarks/
compare_ocr_engines.py, README "Scanned reports"), it reads table digits and Chinese far
better at a similar cost per page. The recogniser is run here rather than through
RapidOCR's pipeline for two reasons: RapidOCR pads every line to 320 pixels wide (a
table of one-digit cells costs three times as much), and it keeps only one text and one
mean score per line, where a table needs each digit's own probability and its runner-up.

Nothing is fetched at run time: the model files are those of the installed wheel, given
by path, and a missing file is a :class:`~nlp.errors.ModelError`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import ModelError

DETECTOR = "PP-OCRv6_det_small.onnx"
RECOGNISER = "PP-OCRv6_rec_small.onnx"
ANGLE_CLASSIFIER = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"
#: The detector sees the page at most this many pixels on its long side (a 200 dpi A4
#: page is 2339): text lines are as well found, in a third of the time.
DETECT_SIDE = 1280
#: Lines of similar width recognised together: at most BATCH, and at most BATCH_WIDTH
#: pixels of padded width in all (a batch of full prose lines would hold 400 MB at once).
BATCH = 6
BATCH_WIDTH = 2400
LINE_HEIGHT = 48
#: A runner-up character is kept when the model gives it at least this probability.
RUNNER_UP = 0.02


@dataclass(frozen=True)
class Glyph:
    """One recognised character: its probability, its runner-ups ((char, probability),
    best first) and its horizontal extent on the page (pixels)."""

    text: str
    confidence: float
    runners_up: tuple
    left: float
    right: float

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


@dataclass(frozen=True)
class Reading:
    """One text line as detected (its box on the page, pixels) and recognised. ``doubt``
    is the highest probability the model gave a character where it read none (a digit
    that may have been dropped)."""

    left: float
    top: float
    right: float
    bottom: float
    glyphs: tuple
    doubt: float = 0.0

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def model_dir() -> Path:
    try:
        import rapidocr
    except ImportError as exc:
        raise ModelError(f"OCR needs the rapidocr and onnxruntime packages ({exc}); install nianbao "
                         "with its dependencies (pip install -e .)", source="ocr") from None
    return Path(rapidocr.__file__).parent / "models"


def _model(name: str) -> Path:
    path = model_dir() / name
    if not path.is_file():
        raise ModelError(f"the OCR model {name} is missing from {path.parent} (reinstall rapidocr)", source="ocr")
    return path


def _session(path: Path, threads: int):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.enable_cpu_mem_arena = False  # an arena keeps the peak of the widest batch for good
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


class Recogniser:
    """The three models, loaded once per process (see :func:`recogniser`)."""

    def __init__(self, threads: int = 1):
        from rapidocr import RapidOCR

        self._detector = RapidOCR(params={
            "Global.log_level": "error", "Global.use_cls": False, "Global.use_rec": False,
            "Global.max_side_len": DETECT_SIDE, "Det.model_path": str(_model(DETECTOR)),
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1})
        self._rec = _session(_model(RECOGNISER), threads)
        meta = self._rec.get_modelmeta().custom_metadata_map
        if "character" not in meta:
            raise ModelError(f"{RECOGNISER} carries no character list", source="ocr")
        self._chars = ["<blank>"] + meta["character"].splitlines() + [" "]
        self._cls = _session(_model(ANGLE_CLASSIFIER), threads)

    def detect(self, rgb: np.ndarray) -> list:
        """Boxes (left, top, right, bottom) of the text lines, top to bottom."""
        found = self._detector(rgb, use_det=True, use_cls=False, use_rec=False)
        boxes = getattr(found, "boxes", None)
        if boxes is None or len(boxes) == 0:
            return []
        h, w = rgb.shape[:2]
        out = []
        for quad in np.asarray(boxes):
            left, top = max(0.0, float(quad[:, 0].min())), max(0.0, float(quad[:, 1].min()))
            right, bottom = min(float(w), float(quad[:, 0].max())), min(float(h), float(quad[:, 1].max()))
            if right - left >= 2 and bottom - top >= 2:
                out.append((left, top, right, bottom))
        return sorted(out, key=lambda b: (b[1], b[0]))

    def recognise(self, rgb: np.ndarray, boxes: list) -> list:
        """A :class:`Reading` per box, in the order of ``boxes``."""
        crops = [_crop(rgb, box) for box in boxes]
        order = sorted(range(len(crops)), key=lambda i: _input_width(crops[i]))
        out = [None] * len(crops)
        for batch in _batches(order, [_input_width(c) for c in crops]):
            width = max(_input_width(crops[i]) for i in batch)
            inputs = [_normalised(crops[i], width) for i in batch]
            probs = self._rec.run(None, {self._rec.get_inputs()[0].name: np.stack([x for x, _ in inputs])})[0]
            for k, i in enumerate(batch):
                out[i] = self._decode(probs[k], boxes[i], inputs[k][1], width)
        return out

    def upside_down(self, rgb: np.ndarray, boxes: list, sample: int = 24) -> float:
        """The share of the (widest) lines the angle classifier reads as turned 180°."""
        widest = sorted(boxes, key=lambda b: b[0] - b[2])[:sample]
        if not widest:
            return 0.0
        x = np.stack([_normalised(_crop(rgb, b), 192, height=48)[0] for b in widest])
        probs = self._cls.run(None, {self._cls.get_inputs()[0].name: x})[0]
        return float(np.mean(probs[:, 1] > probs[:, 0]))

    def _decode(self, probs: np.ndarray, box: tuple, used: int, width: int) -> Reading:
        """CTC decoding that keeps, for each character, its best probability, its
        runner-ups and its columns; and the strongest character the blanks hid."""
        best = probs.argmax(axis=1)
        per_frame = width / probs.shape[0]  # input pixels per output frame
        scale = (box[2] - box[0]) / max(used, 1)
        frames = [f for f in range(probs.shape[0]) if f * per_frame < used]
        runs, blanks = [], []
        for f in frames:
            if best[f] == 0:
                blanks.append(f)
            elif runs and runs[-1][-1] == f - 1 and best[runs[-1][-1]] == best[f]:
                runs[-1].append(f)
            else:
                runs.append([f])
        glyphs = tuple(self._glyph(probs, best, run, box[0], per_frame * scale, box[2]) for run in runs)
        return Reading(box[0], box[1], box[2], box[3], glyphs, round(_hidden(probs, best, blanks, runs), 4))

    def _glyph(self, probs, best, run, left, pixels, limit) -> Glyph:
        k = max(run, key=lambda f: probs[f, best[f]])
        row = probs[k]
        runners = tuple((self._chars[c], round(float(row[c]), 4)) for c in np.argsort(row)[::-1][:4]
                        if c not in (0, best[k]) and row[c] >= RUNNER_UP)
        return Glyph(self._chars[best[k]], round(float(row[best[k]]), 4), runners,
                     left + run[0] * pixels, min(limit, left + (run[-1] + 1) * pixels))


def _hidden(probs: np.ndarray, best: np.ndarray, blanks: list, runs: list) -> float:
    """The highest probability of a character on a frame read as blank, leaving out the
    characters read next to it (a character's edge frames carry some of its own weight)."""
    neighbours = {}
    for run in runs:
        for step in (1, 2):
            neighbours.setdefault(run[0] - step, set()).add(best[run[0]])
            neighbours.setdefault(run[-1] + step, set()).add(best[run[-1]])
    doubt = 0.0
    for f in blanks:
        row = probs[f].copy()
        row[0] = 0.0
        for c in neighbours.get(f, ()):
            row[c] = 0.0
        doubt = max(doubt, float(row.max()))
    return doubt


@lru_cache(maxsize=1)
def recogniser() -> Recogniser:
    """This process's engine, loaded on first use (about a second) and then reused."""
    return Recogniser()


def _batches(order: list, widths: list) -> list:
    """``order`` (narrowest first) cut into batches of at most BATCH lines whose padded
    width (the widest times their number) stays within BATCH_WIDTH, one line at least."""
    out = []
    for i in order:
        if out and len(out[-1]) < BATCH and widths[i] * (len(out[-1]) + 1) <= BATCH_WIDTH:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _crop(rgb: np.ndarray, box: tuple) -> np.ndarray:
    left, top, right, bottom = (int(round(v)) for v in box)
    return rgb[max(0, top):max(top + 1, bottom), max(0, left):max(left + 1, right)]


def _input_width(crop: np.ndarray) -> int:
    """The width a line is recognised at: its own, at LINE_HEIGHT, rounded up to 8."""
    h, w = crop.shape[:2]
    return max(16, int(math.ceil(LINE_HEIGHT * w / max(h, 1) / 8)) * 8)


def _normalised(crop: np.ndarray, width: int, height: int = LINE_HEIGHT) -> tuple:
    """The crop at ``height``, its own width (at most ``width``), padded to ``width``,
    values in [-1, 1], channels first; and the width it uses."""
    import cv2

    h, w = crop.shape[:2]
    used = min(width, max(1, int(math.ceil(height * w / max(h, 1)))))
    resized = cv2.resize(crop, (used, height)).astype(np.float32).transpose(2, 0, 1) / 127.5 - 1.0
    out = np.zeros((3, height, width), np.float32)
    out[:, :, :used] = resized
    return out, used
