"""Keras' one-unit Dense layer and ck.Neuron follow the same path (notebook 08).

If a Keras or JAX upgrade changes how the model trains, this test says so.
"""

import os

os.environ["KERAS_BACKEND"] = "jax"  # before the first import of keras
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import coursekit as ck  # noqa: E402


# Keras 3.15 calls np.array(variable, copy=False) on its own variables, which NumPy 2
# deprecates; the warning is Keras' and says nothing about the result.
@pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")
def test_keras_and_neuron_agree_epoch_by_epoch(diabetes_train):
    X_train, y_train = diabetes_train
    rate, epochs = 0.1, 100

    ours = ck.Neuron(learning_rate=rate, n_epochs=epochs, shuffle=False, random_state=0)
    ours.fit(X_train, y_train)
    params = ours.history_.drop(columns=["epoch", "batch", "loss"]).to_numpy()

    assert keras.backend.backend() == "jax"
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(X_train.shape[1],)),
                              keras.layers.Dense(1, activation="linear")])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=rate),
                  loss="mean_squared_error")
    dense = model.layers[0]
    dense.set_weights([params[0, :-1].reshape(-1, 1), params[0, -1:]])
    per_epoch = []
    record = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: per_epoch.append(
            np.concatenate([w.ravel() for w in dense.get_weights()])
        )
    )
    history = model.fit(X_train, y_train, batch_size=len(X_train), epochs=epochs,
                        shuffle=False, verbose=0, callbacks=[record])

    keras_params = np.array(per_epoch)
    assert keras_params.shape == (epochs, X_train.shape[1] + 1)
    # float32 against float64: about 2e-7 of the largest parameter was measured
    scale = np.abs(params).max()
    np.testing.assert_allclose(keras_params, params[1:], rtol=0, atol=2e-6 * scale)
    # Keras' loss at epoch k is the loss before that epoch's update: our row k
    np.testing.assert_allclose(history.history["loss"], ours.history_["loss"][:epochs],
                               rtol=1e-6)
