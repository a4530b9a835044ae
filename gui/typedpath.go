package gui

import (
	"fmt"
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

// completion is what Tab makes of the text in the Add files box.
type completion struct {
	// text is what was typed with its last name completed as far as the names in its folder
	// agree, and a separator added when that name is one folder's, as a shell completes.
	text string
	// grew reports that text is longer than what was typed.
	grew bool
	// matches are the names still matching when several do, in the folder's order, a
	// folder's ending in a separator; nil when one name or none matches.
	matches []string
}

// completePath is Tab in the Add files box (see completion). Nothing grows and nothing matches
// when the folder cannot be read or no name starts so. Hidden names are offered only once a dot
// is typed. A quoted path or a file:// address is left as it is.
func completePath(text, home string) completion {
	none := completion{text: text}
	if text == "" || strings.ContainsAny(text[:1], `"'`) || strings.Contains(strings.ToLower(text), "://") {
		return none
	}
	if text == "~" {
		return completion{text: "~" + string(filepath.Separator), grew: true}
	}
	cut := strings.LastIndexAny(text, separators)
	typedFolder, start := text[:cut+1], text[cut+1:]
	folder := home
	if typedFolder != "" {
		var err error
		if folder, err = typedPath(typedFolder, home); err != nil {
			return none
		}
	}
	entries, err := os.ReadDir(folder)
	if err != nil {
		return none
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), start) && (strings.HasPrefix(start, ".") || !strings.HasPrefix(e.Name(), ".")) {
			name := e.Name()
			if isFolder(folder, e) {
				name += string(filepath.Separator)
			}
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return none
	}
	completed := commonPrefix(names)
	c := completion{text: typedFolder + completed, grew: completed != start}
	if len(names) > 1 {
		c.matches = names
	}
	return c
}

// isFolder reports whether the entry e of folder is a folder, or a link to one.
func isFolder(folder string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	st, err := os.Stat(filepath.Join(folder, e.Name()))
	return err == nil && st.IsDir()
}

// shownMatches is how many names the line under the Add files box lists before "…".
const shownMatches = 5

// matchesLine is the line under the Add files box when several names match what is typed:
// how many, the first few, and what to do next.
func matchesLine(names []string) string {
	shown := names[:min(len(names), shownMatches)]
	line := fmt.Sprintf("%d names match: %s", len(names), strings.Join(shown, ", "))
	if len(names) > len(shown) {
		line += ", …"
	}
	return line + ". Type more of the name and press Tab, or press Tab again to move on."
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
