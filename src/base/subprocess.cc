// posix_spawn-based process runner that captures output through a temporary file.
#include "base/subprocess.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/file_util.h"

extern char** environ;

namespace immstats::base {

Result<ProcessResult> RunProcess(const std::vector<std::string>& argv, const std::filesystem::path& cwd) {
  if (argv.empty()) return Status::InvalidArgument("RunProcess: empty command");
  char tmpl[] = "/tmp/immstats-proc-XXXXXX";
  const int out_fd = ::mkstemp(tmpl);
  if (out_fd < 0) return Status::IoError(std::string("cannot create a temporary file: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 2);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_fd);
  if (rc != 0) {
    ::unlink(tmpl);
    return Status::FailedPrecondition("cannot run " + argv[0] + ": " + std::strerror(rc) +
                                      " (is it installed? on Debian: apt-get install p7zip-full unzip)");
  }
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0) {
    if (errno != EINTR) break;
  }
  ProcessResult result;
  result.exit_code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  auto text = ReadWholeFile(tmpl);
  if (text.ok()) result.output = std::move(text).value();
  ::unlink(tmpl);
  return result;
}

}  // namespace immstats::base
