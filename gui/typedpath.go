package gui

import (
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf8"
)

// errNoPath and errWebAddress are what typedPath says about text that names no file here,
// each the sentence to show.
var (
	errNoPath     error = &notice{"Type the path of a file, for example ~/Documents/quote.pdf, then press Enter."}
	errWebAddress error = &notice{"That is a web address: save the file to a folder first, then type its path here."}
)

// typedPath is the file a person means by text typed or pasted into the Add files box: spaces
// around it and quotes a file manager puts around a copied path are dropped, a file:// address
// becomes its path, "~" is the home folder, and a path that is not absolute is read from the
// home folder (a desktop app has no working folder a clerk knows of). It only reads text: whether
// the file exists is for attach.CheckFile to say. Empty text and web addresses are errors whose
// text is the sentence to show.
func typedPath(text, home string) (string, error) {
	p := strings.TrimSpace(text)
	if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
		p = strings.TrimSpace(p[1 : len(p)-1])
	}
	if lower := strings.ToLower(p); strings.HasPrefix(lower, "file://") {
		u, err := url.Parse(p)
		if err != nil || u.Path == "" {
			return "", errNoPath
		}
		p = u.Path
		if runtime.GOOS == "windows" && len(p) > 2 && p[0] == '/' && p[2] == ':' {
			p = p[1:] // file:///C:/x is C:/x
		}
	} else if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		return "", errWebAddress
	}
	if p == "" {
		return "", errNoPath
	}
	p = filepath.FromSlash(p)
	switch {
	case p == "~":
		p = home
	case strings.HasPrefix(p, "~"+string(filepath.Separator)):
		p = filepath.Join(home, p[2:])
	case !filepath.IsAbs(p):
		p = filepath.Join(home, p)
	}
	return filepath.Clean(p), nil
}

// completePath is Tab in the Add files box: the text with its last name completed as far as the
// names in its folder agree, and a separator added when that name is one folder's, as a shell
// completes. It reports false when nothing can be added: no folder, no name starting so, or
// several names that agree no further than what is typed. Hidden names are offered only once a
// dot is typed. A quoted path or a file:// address is left as it is.
func completePath(text, home string) (string, bool) {
	if text == "" || strings.ContainsAny(text[:1], `"'`) || strings.Contains(strings.ToLower(text), "://") {
		return text, false
	}
	cut := strings.LastIndexAny(text, separators)
	typedFolder, start := text[:cut+1], text[cut+1:]
	if text == "~" {
		return "~" + string(filepath.Separator), true
	}
	folder := home
	if typedFolder != "" {
		var err error
		if folder, err = typedPath(typedFolder, home); err != nil {
			return text, false
		}
	}
	entries, err := os.ReadDir(folder)
	if err != nil {
		return text, false
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), start) && (strings.HasPrefix(start, ".") || !strings.HasPrefix(e.Name(), ".")) {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return text, false
	}
	completed := commonPrefix(names)
	if len(names) == 1 {
		if st, err := os.Stat(filepath.Join(folder, completed)); err == nil && st.IsDir() {
			completed += string(filepath.Separator)
		}
	}
	if completed == start {
		return text, false
	}
	return typedFolder + completed, true
}

// separators are the characters that end a folder's name in a typed path.
var separators = map[bool]string{true: `\/`, false: "/"}[runtime.GOOS == "windows"]

// commonPrefix is the longest start that all names share, cut between characters.
func commonPrefix(names []string) string {
	prefix := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(n, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	for !utf8.ValidString(prefix) {
		prefix = prefix[:len(prefix)-1]
	}
	return prefix
}
