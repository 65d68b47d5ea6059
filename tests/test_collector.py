"""The collector pause the resolution pass and the gazetteer run in leaves the collector as it found it;
what a CLI command imports is left out of later collections."""

from __future__ import annotations

import gc

from policylens import collector


def test_a_pause_restores_the_collector_after_the_block_and_after_an_error():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # nested: the inner pause must not switch it back on
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    try:
        with collector.paused():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_that_was_off_off():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_paused_function_runs_with_the_collector_off():
    @collector.paused()
    def state() -> bool:
        return gc.isenabled()

    assert state() is False
    assert gc.isenabled()


def test_what_a_lasting_block_made_is_left_out_of_later_collections():
    class Made:
        pass

    try:
        with collector.lasting():
            assert not gc.isenabled()
            made = Made()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        assert not any(o is made for o in gc.get_objects())  # no generation holds it: no collection walks it
    finally:
        gc.unfreeze()
    assert any(o is made for o in gc.get_objects())
