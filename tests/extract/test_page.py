"""The reading frame and the page as displayed: boxes go there and back for every turn."""

from hypothesis import given
from hypothesis import strategies as st

from scorekit.extract.page import Frame

sizes = st.floats(100, 2000)


@given(
    turn=st.sampled_from([0, 90, 180, 270]),
    w=sizes,
    h=sizes,
    a=st.floats(0, 1),
    b=st.floats(0, 1),
    c=st.floats(0, 1),
    d=st.floats(0, 1),
)
def test_a_box_goes_to_the_reading_frame_and_back(turn, w, h, a, b, c, d):
    frame = Frame(turn, w, h)
    x0, x1 = sorted((a * w, c * w))
    top, bottom = sorted((b * h, d * h))
    reading = frame.to_reading((x0, top, x1, bottom))
    rw, rh = frame.size
    assert 0 <= reading[0] <= reading[2] <= rw + 1e-6 and 0 <= reading[1] <= reading[3] <= rh + 1e-6
    back = frame.to_display(reading)
    assert all(abs(p - q) < 1e-6 for p, q in zip(back, (x0, top, x1, bottom), strict=True))


def test_turning_clockwise_puts_the_top_left_corner_top_right():
    frame = Frame(90, 600, 800)
    assert frame.size == (800, 600)
    assert frame.to_reading((0, 0, 10, 20)) == (780, 0, 800, 10)
