#pragma once
// EXPECT_THROW_MSG(statement, type, message): `statement` throws `type` whose what() is exactly
// `message` (as fmt's test helper of the same name). Another exception type, another message or no
// exception at all fails the test and shows what happened instead.
#include <gtest/gtest.h>

#include <exception>
#include <string>

#define EXPECT_THROW_MSG(statement, exception_type, message)                                        \
  do {                                                                                              \
    bool evsim_caught_ = false;                                                                     \
    std::string evsim_what_ = "no exception";                                                       \
    try {                                                                                           \
      statement;                                                                                    \
    } catch (const exception_type& evsim_e_) {                                                      \
      evsim_caught_ = true;                                                                         \
      evsim_what_ = evsim_e_.what();                                                                \
    } catch (const std::exception& evsim_e_) {                                                      \
      evsim_what_ = std::string("another exception: ") + evsim_e_.what();                           \
    } catch (...) {                                                                                 \
      evsim_what_ = "an exception not derived from std::exception";                                 \
    }                                                                                               \
    EXPECT_TRUE(evsim_caught_) << #statement " should throw " #exception_type ", found " << evsim_what_; \
    if (evsim_caught_) {                                                                            \
      EXPECT_EQ(evsim_what_, std::string(message)) << "from " #statement;                           \
    }                                                                                               \
  } while (false)
