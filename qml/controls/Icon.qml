pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes

// A line icon drawn from SVG path data on a 24×24 grid (Feather-style
// strokes), so it is crisp at any size and takes the theme's colour.
// Add an icon by adding its path to `paths`.
Item {
    id: icon

    property string name
    property color color: "white"
    property real size: 18
    property real strokeWidth: 1.8

    readonly property var paths: ({
        "lock": "M5 11h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2z M7 11V7a5 5 0 0 1 10 0v4",
        "unlock": "M5 11h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2z M7 11V7a5 5 0 0 1 9.9-1",
        "settings": "M4 21v-7 M4 10V3 M12 21v-9 M12 8V3 M20 21v-5 M20 12V3 M1 14h6 M9 8h6 M17 16h6",
        "wallet": "M4 7h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h12v4 M17 14h.01",
        "plus": "M12 5v14 M5 12h14",
        "download": "M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4 M7 10l5 5 5-5 M12 15V3",
        "eye": "M1 12s4-8 11-8 11 8 11 8-4 8-11 8-11-8-11-8z M12 9a3 3 0 1 1 0 6a3 3 0 1 1 0-6z",
        "eye-off": "M17.94 17.94A10.07 10.07 0 0 1 12 20c-7 0-11-8-11-8a18.45 18.45 0 0 1 5.06-5.94 M9.9 4.24A9.12 9.12 0 0 1 12 4c7 0 11 8 11 8a18.5 18.5 0 0 1-2.16 3.19 M1 1l22 22",
        "check": "M20 6L9 17l-5-5",
        "moon": "M21 12.79A9 9 0 1 1 11.21 3 7 7 0 0 0 21 12.79z",
        "sun": "M12 7a5 5 0 1 1 0 10a5 5 0 1 1 0-10z M12 1v2 M12 21v2 M4.22 4.22l1.42 1.42 M18.36 18.36l1.42 1.42 M1 12h2 M21 12h2 M4.22 19.78l1.42-1.42 M18.36 5.64l1.42-1.42",
        "globe": "M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z M2 12h20 M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z",
        "key": "M21 2l-2 2 M11.39 11.61a5.5 5.5 0 1 1-7.78 7.78 5.5 5.5 0 0 1 7.78-7.78z M11.39 11.61L15.5 7.5 M15.5 7.5l3 3L22 7l-3-3 M15.5 7.5L19 4",
        "file": "M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z M14 2v6h6",
        "arrow-left": "M19 12H5 M12 19l-7-7 7-7",
        "arrow-right": "M5 12h14 M12 5l7 7-7 7",
        "alert": "M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z M12 8v4 M12 16h.01",
        "refresh": "M23 4v6h-6 M20.49 15a9 9 0 1 1-2.12-9.36L23 10",
        "trash": "M3 6h18 M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6 M10 11v6 M14 11v6 M9 6V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2",
        "shield": "M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z",
        "logo": "M12 2l8.66 5v10L12 22l-8.66-5V7z M12 7l4.33 2.5v5L12 17l-4.33-2.5v-5z",
        "eye-watch": "M1 12s4-8 11-8 11 8 11 8-4 8-11 8-11-8-11-8z M12 9a3 3 0 1 1 0 6a3 3 0 1 1 0-6z",
        "chevron-down": "M6 9l6 6 6-6",
        "server": "M4 2h16a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z M4 14h16a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-4a2 2 0 0 1 2-2z M6 6h.01 M6 18h.01",
        "clock": "M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z M12 6v6l4 2",
        "type": "M4 7V4h16v3 M9 20h6 M12 4v16"
    })

    implicitWidth: size
    implicitHeight: size

    Shape {
        anchors.centerIn: parent
        width: icon.size
        height: icon.size
        antialiasing: true
        layer.enabled: true
        layer.samples: 4
        ShapePath {
            strokeColor: icon.color
            strokeWidth: icon.strokeWidth * 24 / icon.size
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin
            scale: Qt.size(icon.size / 24, icon.size / 24)
            PathSvg { path: icon.paths[icon.name] ?? "" }
        }
    }
}
