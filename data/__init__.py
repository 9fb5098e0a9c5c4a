"""Data files shipped with laotext; read them only through :mod:`laotext._data`."""
