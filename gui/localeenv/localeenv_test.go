package localeenv

import "testing"

func TestOnlyACDotMessagesLocaleIsChanged(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"LANG": "C.UTF-8"}, true},
		{map[string]string{"LANG": "POSIX.UTF-8"}, true},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "C.UTF-8"}, true},
		{map[string]string{"LANG": "C.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"}, false}, // German messages stay
		{map[string]string{"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}, false},          // would change the charset
		{map[string]string{"LANG": "C"}, false},                                     // Fyne reads plain C fine
		{map[string]string{"LANG": "en_US.UTF-8"}, false},
		{map[string]string{}, false},
	} {
		name, value, ok := Fix(func(k string) string { return c.env[k] })
		if ok != c.want || ok && (name != "LC_MESSAGES" || value != "C") {
			t.Errorf("Fix(%v) = %s=%s, %v; want change %v", c.env, name, value, ok, c.want)
		}
	}
}
