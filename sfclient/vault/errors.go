package vault

// Error is a vault failure whose text is already a plain sentence with the next step.
type Error struct{ sentence string }

func (e *Error) Error() string { return e.sentence }

// Plain is the sentence to show a person.
func (e *Error) Plain() string { return e.sentence }

// The vault's failures. Compare with errors.Is.
var (
	ErrNoKeySource     = &Error{"No OS keychain answered and no passphrase was given, so Lead Desk cannot store your sign-in safely; set LEADDESK_PASSPHRASE (or enter a passphrase in the window) and try again."}
	ErrKeyMissing      = &Error{"The key for your saved sign-in is no longer in the OS keychain; sign in again (Settings, Forget everything on this computer, first if this repeats)."}
	ErrWrongKey        = &Error{"Your saved sign-in could not be unlocked: the passphrase or key is wrong, or the file was changed; check the passphrase, or forget the saved sign-in and sign in again."}
	ErrDamaged         = &Error{"Your saved sign-in file is damaged and was left as it is; forget the saved sign-in and sign in again."}
	ErrShortPassphrase = &Error{"A new passphrase needs at least 12 characters; a few words in a row are easy to remember and hard to guess."}
	ErrKeychain        = &Error{"The OS keychain did not answer; unlock it (or set LEADDESK_PASSPHRASE to use a passphrase instead) and try again."}
)
