// TextFile: the final name holds a whole file or nothing.
#include "output/text_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/child_process.hpp"

namespace evsim::output {
namespace {

namespace fs = std::filesystem;

class OutputTextFile : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("evsim-text-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  fs::path folder_;
};

TEST_F(OutputTextFile, WritesUnderThePartialNameThenRenames) {
  const fs::path path = folder_ / "sites.csv";
  TextFile file(path);
  file.write("name,node\n");
  file.write("site-1,7\n");
  EXPECT_TRUE(fs::exists(folder_ / "sites.csv.partial"));
  EXPECT_FALSE(fs::exists(path));
  file.commit();
  EXPECT_FALSE(fs::exists(folder_ / "sites.csv.partial"));
  EXPECT_EQ(read(path), "name,node\nsite-1,7\n");
}

TEST_F(OutputTextFile, CommitReplacesAnOlderFile) {
  const fs::path path = folder_ / "sites.csv";
  std::ofstream(path) << "old\n";
  TextFile file(path);
  file.write("new\n");
  file.commit();
  EXPECT_EQ(read(path), "new\n");
}

TEST_F(OutputTextFile, DestroyedBeforeCommitLeavesNoFile) {
  const fs::path path = folder_ / "sites.csv";
  {
    TextFile file(path);
    file.write("half");
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(folder_ / "sites.csv.partial"));
}

TEST_F(OutputTextFile, CreateInAMissingFolderNamesThePathAndReason) {
  const fs::path path = folder_ / "missing" / "sites.csv";
  try {
    TextFile file(path);
    FAIL() << "no exception";
  } catch (const OutputError& e) {
    EXPECT_EQ(std::string(e.what()), (folder_ / "missing" / "sites.csv.partial").string() +
                                         ": cannot create: No such file or directory");
  }
}

TEST_F(OutputTextFile, FailedWriteNamesTheReasonAndRemovesThePartialFile) {
  const fs::path path = folder_ / "sites.csv";
  const evsim::test::ChildOutcome child = evsim::test::run_in_child(
      [&] {
        TextFile file(path);
        try {
          file.write(std::string(10'000, 'x'));
          file.commit();
        } catch (const OutputError& e) {
          return std::string(e.what());
        }
        return std::string("no exception");
      },
      4096);
  EXPECT_TRUE(child.exited);
  EXPECT_EQ(child.text, (folder_ / "sites.csv.partial").string() + ": cannot write: File too large");
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(folder_ / "sites.csv.partial"));
}

}  // namespace
}  // namespace evsim::output
