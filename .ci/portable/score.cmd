@echo off
rem score launcher for Windows: runs the Node.js in node\ on the app in this folder,
rem wherever the folder is (Chinese names, spaces, USB sticks).
rem Kept ASCII-only: cmd.exe reads a batch file in the console code page (936 on
rem Chinese Windows), so any Chinese text here would be garbled. Node writes to the
rem console through the Unicode console API, so its Chinese output reads right under
rem any code page; no chcp is needed (and none is left behind in the user's window).
setlocal
set "SCORE_HOME=%~dp0"
set "SCORE_PAUSE="

rem Started by Explorer (double-click, or workbooks dropped on this file) the window
rem closes when we end: cmd /c with no arguments or only existing files and folders.
rem Then pause so the result can be read. SCORE_NO_PAUSE=1 turns this off.
setlocal EnableDelayedExpansion
set "SCORE_CMDLINE=!CMDCMDLINE!"
set "SCORE_CLICKED="
if /i not "!SCORE_CMDLINE:/c =!"=="!SCORE_CMDLINE!" set "SCORE_CLICKED=1"
endlocal & set "SCORE_PAUSE=%SCORE_CLICKED%"
if defined SCORE_NO_PAUSE set "SCORE_PAUSE="
if not defined SCORE_PAUSE goto run
:scan
if "%~1"=="" goto run
if not exist "%~1" set "SCORE_PAUSE=" & goto run
shift /1
goto scan

:run
"%SCORE_HOME%node\node.exe" "%SCORE_HOME%bin\score.js" %*
set "SCORE_EXIT=%ERRORLEVEL%"
if defined SCORE_PAUSE pause
exit /b %SCORE_EXIT%
