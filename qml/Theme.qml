pragma Singleton
pragma ComponentBehavior: Bound
import QtQuick
import Computronium

// Colours, type and spacing of the app, for the dark and the light theme
// (AppContext.preferences.theme). Controls read these; pages should too,
// so a theme change restyles everything at once.
QtObject {
    id: theme

    readonly property bool dark: AppContext.preferences.theme !== "light"

    // Surfaces, from the window back to raised cards.
    readonly property color background: dark ? "#0d0f14" : "#f4f5f9"
    readonly property color sidebar: dark ? "#11141b" : "#ffffff"
    readonly property color surface: dark ? "#161a23" : "#ffffff"
    readonly property color surfaceRaised: dark ? "#1c212c" : "#f7f8fb"
    readonly property color surfaceHover: dark ? "#232938" : "#eef0f6"
    readonly property color border: dark ? "#262c3a" : "#e2e5ee"
    readonly property color borderStrong: dark ? "#353d50" : "#cfd4e0"

    // Text.
    readonly property color text: dark ? "#eef0f6" : "#131722"
    readonly property color textMuted: dark ? "#9097ab" : "#5b6275"
    readonly property color textFaint: dark ? "#5e6679" : "#9198aa"
    readonly property color textOnAccent: "#ffffff"

    // Accent and states.
    readonly property color accent: dark ? "#7c6cff" : "#5b45f0"
    readonly property color accentHover: dark ? "#8f81ff" : "#4c37e0"
    readonly property color accentSoft: dark ? "#252145" : "#ecE9ff"
    readonly property color success: dark ? "#3ddc97" : "#14a86b"
    readonly property color successSoft: dark ? "#15322a" : "#e3f6ee"
    readonly property color warning: dark ? "#f5b94a" : "#c98310"
    readonly property color warningSoft: dark ? "#382d17" : "#fdf3e0"
    readonly property color danger: dark ? "#ff6b81" : "#e0364f"
    readonly property color dangerSoft: dark ? "#3a1c24" : "#fde8eb"

    // Type: Inter when installed, else the platform's sans.
    readonly property string fontFamily: "Inter"
    readonly property string monoFamily: "DejaVu Sans Mono"
    readonly property int fontSmall: 12
    readonly property int fontBody: 14
    readonly property int fontLarge: 16
    readonly property int fontTitle: 22
    readonly property int fontDisplay: 30

    // Spacing and shape.
    readonly property int spacing: 8
    readonly property int padding: 16
    readonly property int paddingLarge: 24
    readonly property int radius: 10
    readonly property int radiusLarge: 16
    readonly property int controlHeight: 42
    readonly property int sidebarWidth: 248
    readonly property int contentMaxWidth: 880
}
