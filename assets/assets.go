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
