package sealedfile_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"leaddesk/sfclient/sealedfile"
)

var key = bytes.Repeat([]byte{7}, 32)

func seal(t testing.TB, plain []byte, id string) []byte {
	var out bytes.Buffer
	n, err := sealedfile.Seal(&out, bytes.NewReader(plain), key, id)
	if err != nil || n != int64(len(plain)) {
		t.Fatalf("Seal = %d, %v", n, err)
	}
	return out.Bytes()
}

func open(sealed []byte, k []byte, id string) ([]byte, error) {
	r, err := sealedfile.Open(bytes.NewReader(sealed), k, id)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func TestSealedFilesReadBackExactlyAtEverySizeAroundAChunk(t *testing.T) {
	for _, size := range []int{0, 1, sealedfile.ChunkSize - 1, sealedfile.ChunkSize, sealedfile.ChunkSize + 1, 3*sealedfile.ChunkSize + 17} {
		plain := make([]byte, size)
		for i := range plain {
			plain[i] = byte(i * 31)
		}
		sealed := seal(t, plain, "f1")
		if bytes.Contains(sealed, plain[:min(size, 64)]) && size >= 64 {
			t.Fatalf("size %d: plaintext visible in the sealed file", size)
		}
		got, err := open(sealed, key, "f1")
		if err != nil || !bytes.Equal(got, plain) {
			t.Fatalf("size %d: read back %d bytes, %v", size, len(got), err)
		}
	}
}

func TestTamperedReorderedTruncatedOrSwappedChunksAreRefused(t *testing.T) {
	plain := bytes.Repeat([]byte("0123456789abcdef"), 3*sealedfile.ChunkSize/16)
	sealed := seal(t, plain, "f1")
	const head, chunk = 12, sealedfile.ChunkSize + 16
	flipped := bytes.Clone(sealed)
	flipped[head+chunk+5] ^= 1
	reordered := bytes.Clone(sealed)
	copy(reordered[head:head+chunk], sealed[head+chunk:head+2*chunk])
	copy(reordered[head+chunk:head+2*chunk], sealed[head:head+chunk])
	other := seal(t, plain, "f2")
	swapped := bytes.Clone(sealed)
	copy(swapped[head+chunk:], other[head+chunk:head+2*chunk])
	cases := map[string]struct {
		data []byte
		key  []byte
		id   string
	}{
		"a flipped bit":                 {flipped, key, "f1"},
		"two chunks swapped":            {reordered, key, "f1"},
		"the last chunk cut off":        {sealed[:head+2*chunk], key, "f1"},
		"cut inside a chunk":            {sealed[:head+chunk+100], key, "f1"},
		"a chunk from another file":     {swapped, key, "f1"},
		"another file's id":             {sealed, key, "f2"},
		"another key":                   {sealed, bytes.Repeat([]byte{8}, 32), "f1"},
		"not a sealed file":             {[]byte("%PDF-1.4"), key, "f1"},
		"the header alone, chunks gone": {sealed[:head], key, "f1"},
	}
	for name, c := range cases {
		if _, err := open(c.data, c.key, c.id); !errors.Is(err, sealedfile.ErrDamaged) {
			t.Errorf("%s: err = %v, want ErrDamaged", name, err)
		}
	}
}

func FuzzOpen(f *testing.F) {
	f.Add(seal(f, []byte("a short document"), "f1"))
	f.Add([]byte("LDF1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := open(data, key, "f1")
		if err == nil && !bytes.Equal(got, []byte("a short document")) && len(got) > 0 {
			t.Fatalf("forged content accepted: %q", got)
		}
	})
}
