"""The practice network (784-256-128-10, ReLU) against PyTorch on the same weights.

PyTorch's numbers come from tests/fixtures/practice_torch.npz (made by
make_practice_torch_fixture.py with torch 2.13.0); this test never imports torch.
"""
import numpy as np
import pytest

from utils import NeuralNetwork
from utils.nn.practice import load_torch_fixture, practice_weights
from utils.nn.trainer import Trainer


@pytest.fixture(scope="module")
def torch_numbers():
    return load_torch_fixture()


def course_network():
    net = NeuralNetwork([784, 256, 128, 10], random_state=0)
    net.params = practice_weights()
    return net


def test_the_weights_are_the_ones_the_fixture_was_made_with(torch_numbers):
    np.testing.assert_array_equal(practice_weights()["W1"][0, :5], torch_numbers["W1_head"])
    # NeuralNetwork(random_state=0) draws these very W[l] (the notebook relies on it).
    np.testing.assert_array_equal(course_network().params["W1"],
                                  NeuralNetwork([784, 256, 128, 10], random_state=0).params["W1"])


def test_scores_loss_and_gradients_match_pytorch(torch_numbers):
    t = torch_numbers
    net = course_network()
    ZL, _ = net.forward(t["X"], mode="eval")
    np.testing.assert_allclose(ZL, t["ZL"], rtol=1e-12, atol=1e-12)
    loss, grads = net.loss(t["X"], t["y"])
    assert loss == pytest.approx(float(t["loss"]), rel=1e-12)
    for name in ("dW3", "db1", "db2", "db3"):
        np.testing.assert_allclose(grads[name], t[name], rtol=1e-10, atol=1e-14)
    for name in ("dW1", "dW2"):  # the fixture holds their first rows
        rows = t[name].shape[0]
        np.testing.assert_allclose(grads[name][:rows], t[name], rtol=1e-10, atol=1e-14)


def test_one_sgd_step_matches_torch_optim_sgd(torch_numbers):
    t = torch_numbers
    net = course_network()
    m = t["X"].shape[1]
    Trainer(net, learning_rate=0.1, epochs=1, batch_size=m, random_state=0,
            track_train_acc=False).fit(t["X"], t["y"])
    loss_after, _ = net.loss(t["X"], t["y"])
    assert loss_after == pytest.approx(float(t["loss_after_step"]), rel=1e-12)
