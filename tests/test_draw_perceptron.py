"""The perceptron's schematic (notebook 1, slide 14): every symbol of the slide is drawn,
inside the figure, and no two labels overlap."""
import itertools

import matplotlib.pyplot as plt
import pytest

from utils import draw_perceptron, use_course_style


@pytest.fixture
def texts():
    use_course_style()
    fig, ax = plt.subplots(figsize=(10, 4))
    assert draw_perceptron(ax) is ax
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    drawn = {t.get_text(): t.get_window_extent(renderer) for t in ax.texts}
    yield drawn, fig.bbox
    plt.close(fig)


def test_every_symbol_of_the_slide_is_drawn(texts):
    drawn, _ = texts
    joined = " ".join(drawn)
    for symbol in ("$x_0 = 1$", "$x_1$", "$x_2$", "$x_m$", "$w_0$", "$w_1$", "$w_2$", "$w_m$",
                   "net input", r"\sum_{j=0}^{m} w_j x_j", "unit step", r"\hat{y}",
                   r"\Delta w_j = \eta\,(y - \hat{y})\,x_j"):
        assert symbol in joined, symbol


def test_every_label_lies_inside_the_figure_and_apart_from_the_others(texts):
    drawn, figure = texts
    for text, box in drawn.items():
        assert figure.x0 <= box.x0 and box.x1 <= figure.x1, text
        assert figure.y0 <= box.y0 and box.y1 <= figure.y1, text
    for (a, box_a), (b, box_b) in itertools.combinations(drawn.items(), 2):
        assert not box_a.overlaps(box_b), (a, b)
