#!/usr/bin/env python3
"""Writes huu-nghi-road.json (see PROVENANCE.md): the dedicated road between the Huu Nghi (VN) and Youyi Guan (CN)
yards. Re-run after changing the layout here; the file is what the fleet loads. Coordinates in metres, x from VN to CN."""
import json, math, os

nodes, edges = [], []
lanes_made = {}

def node(id, x, y, kind):
    nodes.append({"id": id, "x": round(x, 1), "y": round(y, 1), "kind": kind})

def edge(a, b, lanes, speed):
    edges.append({"from": a, "to": b, "lanes": lanes, "maxSpeed": speed})

def lane(a, b, ax, ay, bx, by, kind="yard-junction", speed=3.0, gap=5.0):
    """A two-lane stretch between two junctions: a node a few metres from each end, so a vehicle crossing a
    junction holds it only briefly and vehicles going opposite ways pass each other between the junctions."""
    length = math.hypot(bx - ax, by - ay)
    ux, uy = (bx - ax) / length, (by - ay) / length
    side = a[:2]
    lanes_made[side] = lanes_made.get(side, 0) + 2
    n1, n2 = f"{side}-L{lanes_made[side] - 1:03d}", f"{side}-L{lanes_made[side]:03d}"
    node(n1, ax + ux * gap, ay + uy * gap, kind)
    node(n2, bx - ux * gap, by - uy * gap, kind)
    edge(a, n1, "two-lane", speed)
    edge(n1, n2, "two-lane", speed)
    edge(n2, b, "two-lane", speed)

def yard(side, mirror):
    """One yard: an aisle of 10 junctions from the gate (bays at the first six, chargers at 7-9) and a parallel row
    of 10 junctions with 9 parking spots each, joined at the far end. mirror(x) maps VN x to this side."""
    gate = f"{side}-GATE"
    node(gate, mirror(0), 0, "yard-junction")
    prev, px = gate, 0
    for k in range(1, 11):
        j = f"{side}-J{k:02d}"
        x = -40 * k
        node(j, mirror(x), 0, "yard-junction")
        lane(prev, j, mirror(px), 0, mirror(x), 0)
        prev, px = j, x
        if k <= 6:
            for s, y in ((0, 25), (1, -25)):
                b = f"{side}-B{2 * k - 1 + s:02d}"
                node(b, mirror(x), y, "bay")
                edge(j, b, "single-lane", 2.0)
        elif k <= 9:
            for s, y in ((0, 20), (1, -20)):
                c = f"{side}-C{2 * (k - 6) - 1 + s:02d}"
                node(c, mirror(x), y, "charger")
                edge(j, c, "single-lane", 2.0)
    # Parking row: PJ01 at the far end (x = -440), PJ10 at x = -80, y = 60.
    prev, ppos = f"{side}-J10", (-400, 0)
    spot = 1
    for k in range(1, 11):
        pj = f"{side}-PJ{k:02d}"
        x = -440 + 40 * (k - 1)
        node(pj, mirror(x), 60, "yard-junction")
        lane(prev, pj, mirror(ppos[0]), ppos[1], mirror(x), 60)
        prev, ppos = pj, (x, 60)
        for row in range(3):
            for col in range(3):
                p = f"{side}-P{spot:03d}"
                node(p, mirror(x - 10 + 10 * col), 75 + 10 * row, "parking")
                edge(pj, p, "single-lane", 2.0)
                spot += 1

def road():
    """Gate to gate, 3.6 km: two-lane with a node every 75 m, except two single-lane stretches between passing
    places: across the border line (x 300-700) and through a cutting in China (x 2,000-2,450)."""
    points = [("VN-GATE", 0, None)]
    x = 75
    while x < 300: points.append((f"R-{x:04d}", x, "road")); x += 75
    points += [("PP-1", 300, "passing-place"), ("R-0400", 400, "road"), ("BORDER", 500, "border"), ("R-0600", 600, "road"), ("PP-2", 700, "passing-place")]
    x = 775
    while x < 2000: points.append((f"R-{x:04d}", x, "road")); x += 75
    points += [("PP-3", 2000, "passing-place"), ("R-2150", 2150, "road"), ("R-2300", 2300, "road"), ("PP-4", 2450, "passing-place")]
    x = 2525
    while x < 3600: points.append((f"R-{x:04d}", x, "road")); x += 75
    points.append(("CN-GATE", 3600, None))
    single = {("PP-1", "R-0400"), ("R-0400", "BORDER"), ("BORDER", "R-0600"), ("R-0600", "PP-2"),
              ("PP-3", "R-2150"), ("R-2150", "R-2300"), ("R-2300", "PP-4")}
    for id, x, kind in points:
        if kind: node(id, x, 4 * math.sin(x / 600), kind)
    for (a, _, _), (b, _, _) in zip(points, points[1:]):
        edge(a, b, "single-lane" if (a, b) in single else "two-lane", 6.0)

yard("VN", lambda x: x)
yard("CN", lambda x: 3600 - x)
road()
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "huu-nghi-road.json"), "w") as f:
    # One node or edge per line, so a change to the layout reads well in a diff.
    f.write('{\n  "mapId": "huu-nghi",\n  "description": "Dedicated freight road Huu Nghi (VN) - Youyi Guan (CN): layout modelled on public facts, '
            'coordinates invented (see PROVENANCE.md); written by make-road.py.",\n')
    f.write('  "nodes": [\n' + ",\n".join("    " + json.dumps(n) for n in nodes) + '\n  ],\n')
    f.write('  "edges": [\n' + ",\n".join("    " + json.dumps(e) for e in edges) + '\n  ]\n}\n')
print(len(nodes), "nodes,", len(edges), "edges")
