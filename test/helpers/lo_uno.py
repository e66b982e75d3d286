# Starting and stopping a headless LibreOffice for the test scripts (lo-text.py, lo-edit.py):
# its own profile folder, a pipe named after this process, UNO over it.
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


_starts = 0


def init_profile(profile):
    """Creates the profile in a soffice run of its own that ends after start-up. On a new profile
    soffice may restart itself once (exit code 81) to apply it; a UNO bridge opened to the first
    process is then disposed mid-call ("Binary URP bridge disposed"), as seen once in CI."""
    if os.path.isdir(os.path.join(profile, 'user')):
        return
    subprocess.run(
        ['soffice', '--headless', '--invisible', '--norestore', '--nologo', '--terminate_after_init',
         '-env:UserInstallation=' + uno.systemPathToFileUrl(profile)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


def start(profile, tag):
    """Starts soffice with `profile`; returns (process, component context, desktop)."""
    init_profile(profile)
    global _starts
    _starts += 1
    pipe = '%s%d_%d' % (tag, os.getpid(), _starts)
    proc = subprocess.Popen(
        ['soffice', '--headless', '--invisible', '--norestore', '--nologo',
         '-env:UserInstallation=' + uno.systemPathToFileUrl(profile),
         '--accept=pipe,name=%s;urp;' % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(200):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            break
        except Exception:
            time.sleep(0.25)
    else:
        proc.kill()
        sys.exit('LibreOffice did not start')
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    return proc, ctx, desktop


def load(desktop, path):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), '_blank', 0, (prop('Hidden', True),))
    if doc is None:
        sys.exit('LibreOffice could not open ' + path)
    return doc


def count_redlines(doc):
    e = doc.getRedlines().createEnumeration()
    n = 0
    while e.hasMoreElements():
        e.nextElement()
        n += 1
    return n


def kill(proc):
    try:
        proc.kill()
        proc.wait(timeout=30)
    except Exception:
        pass


def retrying(run, attempts=3):
    """Runs `run()` (which starts its own soffice) again when LibreOffice dies under it: the
    bridge disposed or the connection lost. Only for read-only work, where a second run gives
    the same answer."""
    for i in range(attempts):
        try:
            return run()
        except Exception as e:  # UNO exceptions are not importable as classes before a bridge exists
            name = type(e).__name__
            if name not in ('DisposedException', 'RuntimeException') or i == attempts - 1:
                raise
            sys.stderr.write('LibreOffice died (%s); trying again\n' % name)


def stop(proc, desktop, doc):
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        proc.wait(timeout=30)
    except Exception:
        proc.kill()
