#!/usr/bin/python3
"""Prints what a screen reader finds of one running program (by its process id), read over AT-SPI with
pyatspi: one JSON list of its objects, each [depth, role, name, focused], window by window. Used by
tst_keyboard."""
import json
import sys

import pyatspi

PID = int(sys.argv[1])
MOST_CHILDREN = 400


def walk(node, depth, out):
    if node is None or depth > 40:
        return
    try:
        states = node.getState()
        out.append([depth, node.getRoleName(), node.name or "",
                    states.contains(pyatspi.STATE_FOCUSED)])
        for index in range(min(node.childCount, MOST_CHILDREN)):
            walk(node.getChildAtIndex(index), depth + 1, out)
    except Exception as problem:  # an object gone while it was read: say so, go on
        out.append([depth, "gone", str(problem), False])


def main():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.get_process_id() == PID:
            out = []
            walk(app, 0, out)
            print(json.dumps(out))
            return 0
    print("no program with process id %d on the accessibility bus" % PID, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
