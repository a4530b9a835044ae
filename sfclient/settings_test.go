package sfclient

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestHomeIsTheOSConfigFolderUnlessLeaddeskHomeIsSet(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(t.TempDir(), "xdg"))
	home, err := HomeFrom(getenv)
	if err != nil {
		t.Fatal(err)
	}
	var want string
	switch runtime.GOOS {
	case "windows":
		want = filepath.Join(os.Getenv("AppData"), "leaddesk")
	case "darwin":
		want = filepath.Join(os.Getenv("HOME"), "Library", "Application Support", "leaddesk")
	default:
		want = filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "leaddesk")
	}
	if home != want {
		t.Fatalf("Home = %s, want %s", home, want)
	}
	env["LEADDESK_HOME"] = "relative/profile"
	if home, _ := HomeFrom(getenv); !filepath.IsAbs(home) || filepath.Base(home) != "profile" {
		t.Fatalf("LEADDESK_HOME gives %s, want it made absolute", home)
	}
}
