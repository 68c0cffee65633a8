"""boras-intl: evaluate Borås Stad's international work against its Internationell policy.

The package root stays light so ``boras-intl --help`` is instant; import the modules you
need (``from boras_intl_lib.register import load_register``).
"""

__version__ = "0.2.0"  # the one version source (pyproject.toml reads it)
