// Package cputime reads the process's CPU time for the benchmarks, which
// report it beside wall time (BENCHMARKS.md explains why: the machines
// they run on are shared).
package cputime
