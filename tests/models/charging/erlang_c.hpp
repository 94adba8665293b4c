#pragma once
// M/M/c queue formulas, to validate station queueing against theory.
//
// Poisson arrivals at rate lambda, exponential service at rate mu per server, c servers, one FIFO
// queue without limit and nobody leaving it. Offered load a = lambda / mu (erlangs), utilisation
// rho = a / c. Rates are per any one time unit; waits come out in that unit.
//
//   Erlang B (blocking with no queue):  B(0) = 1,  B(k) = a B(k-1) / (k + a B(k-1))
//   Erlang C (an arrival must wait):    C = c B(c) / (c - a (1 - B(c)))
//   Wq = C / (c mu - lambda),   Lq = lambda Wq   (Little's law)
//
// The recursion keeps every term in [0, 1], so large c (hundreds of servers) neither overflows nor
// loses precision, unlike the textbook sum of a^k / k!. For a >= c the queue grows without bound:
// C = 1 and Wq = Lq = +inf. Not covered: finite queues, balking or reneging (the simulator's
// patience timer), and non-exponential service such as charging sessions.
#include <limits>

namespace evsim::models::charging::testing {

inline double erlang_b_blocking_probability(unsigned servers, double offered_load) {
  double b = 1.0;
  for (unsigned k = 1; k <= servers; ++k) b = offered_load * b / (k + offered_load * b);
  return b;
}

inline double erlang_c_wait_probability(unsigned servers, double offered_load) {
  if (offered_load >= servers) return 1.0;
  const double b = erlang_b_blocking_probability(servers, offered_load);
  return servers * b / (servers - offered_load * (1.0 - b));
}

inline double mm_c_utilisation(double lambda, double mu, unsigned servers) { return lambda / (servers * mu); }

inline double mm_c_mean_wait(double lambda, double mu, unsigned servers) {
  if (lambda >= servers * mu) return std::numeric_limits<double>::infinity();
  return erlang_c_wait_probability(servers, lambda / mu) / (servers * mu - lambda);
}

inline double mm_c_mean_queue_length(double lambda, double mu, unsigned servers) {
  return lambda * mm_c_mean_wait(lambda, mu, servers);
}

}  // namespace evsim::models::charging::testing
