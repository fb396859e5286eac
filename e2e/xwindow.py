"""The app's window on the X display and WebKit's processes under it, as the desktop tests and
e2e/measure_desktop.py see them (no WebDriver: what the window manager and /proc say)."""
import os


def earshot_window(pid):
    """The X window of the Earshot process `pid` (other apps' windows may still be closing), or
    None. Returns (display, window, WM_PROTOCOLS, WM_DELETE_WINDOW); the caller closes the display."""
    from Xlib import X, display
    d = display.Display()
    wm_protocols, wm_delete = d.intern_atom('WM_PROTOCOLS'), d.intern_atom('WM_DELETE_WINDOW')
    net_wm_pid = d.intern_atom('_NET_WM_PID')

    def owner(w):
        prop = w.get_full_property(net_wm_pid, X.AnyPropertyType)
        return prop.value[0] if prop is not None and len(prop.value) else None

    def find(w):
        try:
            # Mapped: GTK's hidden client-leader window carries the application's name too.
            if (w.get_wm_name() == 'Earshot' and wm_delete in (w.get_wm_protocols() or []) and owner(w) == pid
                    and w.get_attributes().map_state == X.IsViewable):
                return w
            children = w.query_tree().children
        except Exception:  # a window that went away while we looked
            return None
        for child in children:
            found = find(child)
            if found:
                return found
        return None

    return d, find(d.screen().root), wm_protocols, wm_delete


def has_window(pid):
    d, win, _, _ = earshot_window(pid)
    d.close()
    return win is not None


def send_close(pid):
    """Sends the window manager's close request (WM_DELETE_WINDOW) to the Earshot window of
    process `pid`, as its close button does. Says whether there was a window to close.

    It waits for the X server's answer before hanging up (`sync`, not `flush`): an X server
    slow under load that sees the connection closed before it has read the request drops the
    request, and the window never hears of it. Hanging up after a flush lost 3 of 7 close
    requests under two busy loops (strace: the app's X socket never received them); after a
    sync, none of 16."""
    from Xlib import X, protocol
    d, win, wm_protocols, wm_delete = earshot_window(pid)
    if win is not None:
        ev = protocol.event.ClientMessage(window=win, client_type=wm_protocols, data=(32, [wm_delete, X.CurrentTime, 0, 0, 0]))
        win.send_event(ev, event_mask=X.NoEventMask)
        d.sync()
    d.close()
    return win is not None


def descendants(pid):
    """The pids under `pid` (WebKit's processes are children of the app)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            kids = open(f'/proc/{p}/task/{p}/children').read().split()
        except OSError:
            kids = []
        for k in map(int, kids):
            out.append(k)
            todo.append(k)
    return out


def name(pid):
    try:
        return open(f'/proc/{pid}/comm').read().strip()
    except OSError:
        return '?'


def web_processes(pid):
    """WebKit's web content processes of the app `pid`."""
    return [p for p in descendants(pid) if name(p).startswith('WebKitWebProces')]
