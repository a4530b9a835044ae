// Package assets holds the files Lead Desk embeds: the icon (assets/icon.svg is its source;
// icon.png is rendered from it with ImageMagick: convert -background none -density 300
// icon.svg -resize 512x512 icon.png).
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

//go:embed window-icon.png
var windowIconPNG []byte

// WindowIcon is the icon the running window gives the taskbar: icon.png at 256x256 and 8 bits
// a channel (convert icon.png -resize 256x256 -depth 8 PNG32:window-icon.png). The window
// decodes its icon before it first appears, and the 512x512 16-bit original cost about a
// fifth of a second of that on the benchmark machine.
var WindowIcon = fyne.NewStaticResource("window-icon.png", windowIconPNG)
