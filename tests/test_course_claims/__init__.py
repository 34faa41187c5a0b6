"""What the notebooks claim, asserted outside them: one module per notebook.

nbval checks that each notebook prints what it printed when it was stored; these tests
check that what the prose says is true, computed independently of the notebook code
(closed forms, np.linalg.lstsq, finite differences, scikit-learn, Keras). Every number
in a notebook's prose is printed by a cell above it or asserted here.
"""
