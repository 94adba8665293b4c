#!/usr/bin/env python3
"""Golden values for tests/sim/random_golden_test.cpp, computed without evsim's code.

SplitMix64 and xoshiro256** follow the public-domain reference C code of Blackman and Vigna
(prng.di.unimi.it: splitmix64.c, xoshiro256starstar.c); the stream seeding and the distributions
follow the formulas written in sim/random.hpp and sim/random.cpp's comments (53-bit uniform,
-mean*log1p(-u), Box-Muller with u1 = 1 - u, Lemire's nearly divisionless index, Knuth's Poisson).
Python's math module calls the same C library (glibc) functions, so doubles are printed with
repr (shortest round-trip) and compared exactly.

Run: /usr/bin/python3 tests/sim/random_golden.py
"""
import math

M = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


class Xoshiro:
    def __init__(self, s):
        self.s = list(s)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform01(self):
        return (self.next() >> 11) * 2.0 ** -53

    def uniform_index(self, n):
        m = self.next() * n
        low = m & M
        if low < n:
            threshold = ((1 << 64) - n) % n
            while low < threshold:
                m = self.next() * n
                low = m & M
        return m >> 64

    def exponential(self, mean):
        return -mean * math.log1p(-self.uniform01())

    def normal_pair(self, mean, sd):
        u1 = 1.0 - self.uniform01()
        u2 = self.uniform01()
        r = math.sqrt(-2.0 * math.log(u1))
        theta = 6.283185307179586 * u2
        return mean + sd * r * math.cos(theta), mean + sd * (r * math.sin(theta))

    def poisson_small(self, mean):
        limit = math.exp(-mean)
        k = 0
        p = self.uniform01()
        while p > limit:
            k += 1
            p *= self.uniform01()
        return k


def fnv1a(text):
    h = 0xCBF29CE484222325
    for c in text.encode():
        h ^= c
        h = (h * 0x100000001B3) & M
    return h


def stream_state(seed, replication, component):
    _, a = splitmix64(seed)
    _, b = splitmix64(replication ^ 0x5851F42D4C957F2D)
    _, c = splitmix64(fnv1a(component))
    state = a ^ rotl(b, 21) ^ rotl(c, 42)
    words = []
    for _ in range(4):
        state, w = splitmix64(state)
        words.append(w)
    return words


def main():
    st = 0
    out = []
    for _ in range(4):
        st, v = splitmix64(st)
        out.append(v)
    print("splitmix64 from 0:", [hex(v) for v in out])
    x = Xoshiro(out)
    print("xoshiro256** from splitmix64(0) state:", [hex(x.next()) for _ in range(4)])
    print("fnv1a('fleet/trips'):", hex(fnv1a("fleet/trips")))
    print("stream(42, 3, 'fleet/trips') state:", [hex(w) for w in stream_state(42, 3, "fleet/trips")])
    r = Xoshiro(stream_state(42, 3, "fleet/trips"))
    print("  next_u64:", [hex(r.next()) for _ in range(3)])
    r = Xoshiro(stream_state(42, 3, "fleet/trips"))
    print("  uniform01:", [repr(r.uniform01()) for _ in range(3)])
    r = Xoshiro(stream_state(42, 3, "fleet/trips"))
    print("  uniform(10, 20):", [repr(10.0 + (20.0 - 10.0) * r.uniform01()) for _ in range(3)])
    r = Xoshiro(stream_state(42, 3, "fleet/trips"))
    print("  uniform_index(7):", [r.uniform_index(7) for _ in range(5)])
    r = Xoshiro(stream_state(42, 3, "fleet/trips"))
    print("  exponential(1800):", [repr(r.exponential(1800.0)) for _ in range(3)])
    r = Xoshiro(stream_state(42, 3, "fleet/trips"))
    a, b = r.normal_pair(50.0, 10.0)
    c, d = r.normal_pair(50.0, 10.0)
    print("  normal(50, 10):", [repr(a), repr(b), repr(c), repr(d)])
    r = Xoshiro(stream_state(42, 3, "fleet/trips"))
    print("  poisson(4):", [r.poisson_small(4.0) for _ in range(5)])


if __name__ == "__main__":
    main()
