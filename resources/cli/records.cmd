@echo off
rem `records` for an installed app: Electron's own Node runs the bundled CLI (better-sqlite3 is built for Electron).
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\records-room.exe" "%~dp0..\app.asar\dist\electron\cli.js" %*
