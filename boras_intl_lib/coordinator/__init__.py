"""What coordinators get back from the toolkit, built on a read register: the validation
summary, the correction list, the empty register template and the register format's page.

It sits above :mod:`boras_intl_lib.register` in the import order: these modules import the
register package, and nothing in it imports them.
"""
