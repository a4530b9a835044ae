// Package sealedfile encrypts a file as it streams, in chunks, so a 25 MB document is kept
// encrypted on disk without ever being held in memory whole. Each chunk is sealed with
// AES-256-GCM under a key derived (HKDF-SHA256) from the caller's key and the file's id; its
// associated data binds the file's id, the chunk's index and whether it is the last chunk,
// so chunks cannot be reordered, dropped, swapped between files or cut off at the end.
//
// Layout: "LDF1", 8 random bytes (the nonce prefix), then chunks of at most ChunkSize bytes
// of plaintext, each followed by its 16-byte tag. The nonce of chunk i is the prefix
// followed by i as 4 big-endian bytes.
//
// It never imports Fyne or the rest of sfclient.
package sealedfile

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"golang.org/x/crypto/hkdf"
)

// ChunkSize is the plaintext bytes per chunk: 64 KiB.
const ChunkSize = 64 << 10

const (
	magic      = "LDF1"
	prefixSize = 8
	tagSize    = 16
)

// ErrDamaged means the sealed file was changed, cut short, belongs to another file id or
// was sealed with another key.
var ErrDamaged = errors.New("the encrypted copy is damaged or was made with another key")

func fileAEAD(key []byte, fileID string) (cipher.AEAD, error) {
	fk := make([]byte, 32)
	if _, err := io.ReadFull(hkdf.New(sha256.New, key, nil, []byte("leaddesk sealed file "+fileID)), fk); err != nil {
		return nil, fmt.Errorf("derive the file key: %w", err)
	}
	block, err := aes.NewCipher(fk)
	if err != nil {
		return nil, fmt.Errorf("prepare cipher: %w", err)
	}
	return cipher.NewGCM(block)
}

// chunkParams are a chunk's nonce and associated data.
func chunkParams(prefix []byte, fileID string, index uint32, last bool) (nonce, ad []byte) {
	nonce = binary.BigEndian.AppendUint32(append([]byte(nil), prefix...), index)
	ad = append([]byte(magic+fileID+"\x00"), nonce...)
	if last {
		ad = append(ad, 1)
	} else {
		ad = append(ad, 0)
	}
	return nonce, ad
}

// Seal reads src to its end and writes it to dst encrypted for fileID under key (32 bytes).
// It returns the plaintext bytes read. Memory use is one chunk, whatever the size.
func Seal(dst io.Writer, src io.Reader, key []byte, fileID string) (int64, error) {
	aead, err := fileAEAD(key, fileID)
	if err != nil {
		return 0, err
	}
	prefix := make([]byte, prefixSize)
	if _, err := rand.Read(prefix); err != nil {
		return 0, fmt.Errorf("make nonce: %w", err)
	}
	if _, err := dst.Write(append([]byte(magic), prefix...)); err != nil {
		return 0, err
	}
	in := bufio.NewReaderSize(src, ChunkSize)
	buf := make([]byte, ChunkSize, ChunkSize+tagSize)
	var total int64
	for index := uint32(0); ; index++ {
		n, err := io.ReadFull(in, buf)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			return total, err
		}
		last := err != nil
		if !last {
			if _, perr := in.Peek(1); errors.Is(perr, io.EOF) {
				last = true
			} else if perr != nil {
				return total, perr
			}
		}
		if index == math.MaxUint32 && !last {
			return total, errors.New("file too large to seal")
		}
		nonce, ad := chunkParams(prefix, fileID, index, last)
		if _, err := dst.Write(aead.Seal(buf[:0], nonce, buf[:n], ad)); err != nil {
			return total, err
		}
		total += int64(n)
		buf = buf[:ChunkSize]
		if last {
			return total, nil
		}
	}
}

// Open returns a reader of the plaintext of a file sealed by Seal for fileID under key.
// Reading fails with ErrDamaged at the first chunk that does not authenticate, and when the
// file ends before its last chunk.
func Open(src io.Reader, key []byte, fileID string) (io.Reader, error) {
	aead, err := fileAEAD(key, fileID)
	if err != nil {
		return nil, err
	}
	in := bufio.NewReaderSize(src, ChunkSize+tagSize)
	head := make([]byte, len(magic)+prefixSize)
	if _, err := io.ReadFull(in, head); err != nil || string(head[:len(magic)]) != magic {
		return nil, ErrDamaged
	}
	return &reader{aead: aead, in: in, prefix: head[len(magic):], fileID: fileID, buf: make([]byte, ChunkSize+tagSize)}, nil
}

type reader struct {
	aead   cipher.AEAD
	in     *bufio.Reader
	prefix []byte
	fileID string
	index  uint32
	buf    []byte
	plain  []byte // decrypted, not yet read
	done   bool
}

func (r *reader) Read(p []byte) (int, error) {
	for len(r.plain) == 0 {
		if r.done {
			return 0, io.EOF
		}
		if err := r.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.plain)
	r.plain = r.plain[n:]
	return n, nil
}

// next decrypts the next chunk.
func (r *reader) next() error {
	n, err := io.ReadFull(r.in, r.buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		if errors.Is(err, io.EOF) {
			return ErrDamaged // ended before the last chunk
		}
		return err
	}
	last := err != nil
	if !last {
		if _, perr := r.in.Peek(1); errors.Is(perr, io.EOF) {
			last = true
		} else if perr != nil {
			return perr
		}
	}
	nonce, ad := chunkParams(r.prefix, r.fileID, r.index, last)
	plain, oerr := r.aead.Open(r.buf[:0], nonce, r.buf[:n], ad)
	if oerr != nil {
		return ErrDamaged
	}
	r.plain, r.done = plain, last
	r.index++
	return nil
}
