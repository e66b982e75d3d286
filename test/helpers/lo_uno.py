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


def start(profile, tag):
    """Starts soffice with `profile`; returns (process, component context, desktop)."""
    pipe = '%s%d' % (tag, os.getpid())
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
