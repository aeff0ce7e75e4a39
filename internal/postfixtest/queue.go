package postfixtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
)

// The instance's queue and data directories are laid out as Postfix's own list of its files
// says ($meta_directory/postfix-files, from which `postfix check` creates them through
// post-install create-missing): each directory entry under $queue_directory or
// $data_directory, with its owner, group and mode. `postfix check` would do the same through
// tens of processes (post-install's postconf calls, then the finds of its warnings over the
// system's Postfix files and its queue scan): half a second on a quiet machine, over two on a
// busy one, for a queue that is always new and empty. A directory the list names and the daemons
// need is there; the master still reads and checks main.cf and master.cf as it starts.

// queueDir is one directory of the list under the queue or data directory.
type queueDir struct {
	rel   string      // relative to the instance directory: "queue", "queue/active", "data"…
	owner string      // "root" or "$mail_owner"
	group string      // "-" (the creator's) or a group name or "$setgid_group"
	mode  os.FileMode // permission bits
}

// parseQueueDirs reads the directory entries of the queue and data directories from a
// postfix-files list: lines name:type:owner:group:mode[:flags], "#" starting a comment.
func parseQueueDirs(list string) ([]queueDir, error) {
	var out []queueDir
	for _, line := range strings.Split(list, "\n") {
		f := strings.Split(strings.TrimSpace(line), ":")
		if len(f) < 5 || strings.HasPrefix(f[0], "#") || f[1] != "d" {
			continue
		}
		var rel string
		switch name := f[0]; {
		case name == "$queue_directory":
			rel = "queue"
		case strings.HasPrefix(name, "$queue_directory/"):
			rel = filepath.Join("queue", filepath.Clean(strings.TrimPrefix(name, "$queue_directory/")))
		case name == "$data_directory":
			rel = "data"
		default:
			continue
		}
		if strings.HasPrefix(rel, "queue/..") {
			return nil, fmt.Errorf("postfix-files: %q leaves the queue directory", f[0])
		}
		mode, err := strconv.ParseUint(f[4], 8, 32)
		if err != nil || mode > 0o7777 {
			return nil, fmt.Errorf("postfix-files: %q: mode %q", f[0], f[4])
		}
		out = append(out, queueDir{rel: rel, owner: f[2], group: f[3], mode: os.FileMode(mode)})
	}
	if len(out) == 0 || out[0].rel != "queue" && out[0].rel != "data" {
		return nil, errors.New("postfix-files lists no queue directory")
	}
	return out, nil
}

// makeQueue creates the queue and data directories under s.dir from the list of the installed
// Postfix, parents first as the list has them.
func (s *Server) makeQueue() error {
	defaults, err := s.postconfDefaults("meta_directory", "setgid_group")
	if err != nil {
		return err
	}
	list, err := os.ReadFile(filepath.Join(defaults[0], "postfix-files"))
	if err != nil {
		return err
	}
	dirs, err := parseQueueDirs(string(list))
	if err != nil {
		return err
	}
	mail, err := mailOwner()
	if err != nil {
		return err
	}
	for _, d := range dirs {
		uid, gid := 0, -1
		if d.owner == "$mail_owner" {
			uid = mail.uid
		} else if d.owner != "root" {
			return fmt.Errorf("postfix-files: %s: owner %q", d.rel, d.owner)
		}
		if d.group != "-" {
			name := strings.ReplaceAll(d.group, "$setgid_group", defaults[1])
			g, err := user.LookupGroup(name)
			if err != nil {
				return fmt.Errorf("postfix-files: %s: %w", d.rel, err)
			}
			if gid, err = strconv.Atoi(g.Gid); err != nil {
				return err
			}
		}
		path := filepath.Join(s.dir, d.rel)
		if err := os.Mkdir(path, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
			return err
		}
		if err := os.Chown(path, uid, gid); err != nil {
			return err
		}
		if err := os.Chmod(path, d.mode); err != nil { // Mkdir's mode passes through the umask
			return err
		}
	}
	return nil
}

// postconfDefaults returns Postfix's built-in values of the named parameters, which the
// instance's main.cf leaves as they are.
func (s *Server) postconfDefaults(names ...string) ([]string, error) {
	out, err := exec.Command(s.bin.postconf, append([]string{"-dh"}, names...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("postconf -dh %s: %w", strings.Join(names, " "), err)
	}
	values := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(values) != len(names) {
		return nil, fmt.Errorf("postconf -dh %s: got %q", strings.Join(names, " "), out)
	}
	return values, nil
}
