package gui

import (
	"strings"

	"leaddesk/sfclient"
	"leaddesk/sfclient/attach"
	"leaddesk/sfclient/drafts"
	"leaddesk/sfclient/lead"
)

// Files listed in a form's Attachments are kept in its draft by place and type (see
// attachmentList.files and restore); these are the steps of bringing them back.

// restoredFile is a file of a draft as recheck found it: ready to list under its type, or
// refused with a sentence.
type restoredFile struct {
	checkedFile
	docType attach.DocType
}

// recheck checks each file of a draft again. It reads the files: call it off the UI
// goroutine.
func recheck(files []drafts.File) []restoredFile {
	out := make([]restoredFile, 0, len(files))
	for _, f := range files {
		checked, err := drafts.Recheck(f)
		if err != nil {
			out = append(out, restoredFile{checkedFile: checkedFile{refusal: sfclient.Explain(err)}})
			continue
		}
		out = append(out, restoredFile{checkedFile: checkedFile{file: checked}, docType: f.Type})
	}
	return out
}

// listRestored lists the files rechecked, each under the type it had, and says under the
// list why any could not come back. A file listed again since (dropped before Restore was
// pressed) is not listed twice.
func (a *attachmentList) listRestored(files []restoredFile) {
	var refused []string
	for _, f := range files {
		switch {
		case f.refusal != "":
			refused = append(refused, f.refusal)
		case !a.listed(f.file.Path):
			a.addRow(f.file, f.docType)
		}
	}
	if len(refused) > 0 {
		a.refusals.SetText(strings.Join(refused, "\n"))
		a.refusals.Show()
	}
	a.changed()
}

// chosenType is the row's document type as the person chose it: the type their text stands
// for, or the text as typed when none fits (submitting then asks for a type).
func (r *attachmentRow) chosenType() attach.DocType {
	if v, ok := lead.Choose(r.docType.Text, typeNames()); ok {
		return attach.DocType(v)
	}
	return attach.DocType(r.docType.Text)
}

// withFiles is ", with 2 documents" for a draft that kept files, else nothing.
func withFiles(d drafts.Draft) string {
	if len(d.Files) == 0 {
		return ""
	}
	return ", with " + countDocuments(len(d.Files))
}
