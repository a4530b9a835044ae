package main

import (
	"strings"
	"testing"
)

func events(lines ...string) *strings.Reader { return strings.NewReader(strings.Join(lines, "\n")) }

func TestOnlyWinesTempDirCleanupIsForgiven(t *testing.T) {
	v := judge(events(
		`{"Action":"run","Test":"TestA"}`,
		`{"Action":"output","Test":"TestA","Output":"=== RUN   TestA\n"}`,
		`{"Action":"output","Test":"TestA","Output":"    testing.go:1464: TempDir RemoveAll cleanup: unlinkat C:\\x\\vault.bin: Invalid function.\n"}`,
		`{"Action":"output","Test":"TestA","Output":"--- FAIL: TestA (0.01s)\n"}`,
		`{"Action":"fail","Test":"TestA"}`,
		`{"Action":"run","Test":"TestB"}`,
		`{"Action":"pass","Test":"TestB"}`,
		`{"Action":"output","Output":"FAIL\n"}`,
		`{"Action":"fail"}`,
	))
	if v.broken != "" || len(v.failed) != 0 || v.cleanupOnly != 1 || v.passed != 1 {
		t.Fatalf("verdict %+v, want one pass and one cleanup-only", v)
	}
}

func TestARealFailureFailsEvenWithTheCleanupGap(t *testing.T) {
	v := judge(events(
		`{"Action":"output","Test":"TestA","Output":"    auth_test.go:121: want PortBusyError\n"}`,
		`{"Action":"output","Test":"TestA","Output":"    testing.go:1464: TempDir RemoveAll cleanup: unlinkat C:\\x: Invalid function.\n"}`,
		`{"Action":"fail","Test":"TestA"}`,
		`{"Action":"fail"}`,
	))
	if len(v.failed) != 1 || !strings.Contains(v.failed[0], "want PortBusyError") || strings.Contains(v.failed[0], "TempDir") {
		t.Fatalf("failed = %q, want TestA with its own complaint only", v.failed)
	}
}

func TestACrashOutsideATestOrNoResultIsBroken(t *testing.T) {
	if v := judge(events(`{"Action":"output","Output":"panic: boom\n"}`, `{"Action":"fail"}`)); !strings.Contains(v.broken, "panic: boom") {
		t.Fatalf("broken = %q, want the panic", v.broken)
	}
	if v := judge(events(`{"Action":"run","Test":"TestA"}`)); v.broken == "" {
		t.Fatal("a binary that ended without a result was not called broken")
	}
}
