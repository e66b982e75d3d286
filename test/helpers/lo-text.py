# Opens a .docx in LibreOffice (headless, through UNO), optionally accepts or rejects all tracked
# changes, and prints JSON: the number of tracked changes found and the document body's text.
#   python3 lo-text.py FILE.docx PROFILE_DIR [accept|reject]
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

src, profile = sys.argv[1], sys.argv[2]
action = sys.argv[3] if len(sys.argv) > 3 else ''
pipe = 'plenary%d' % os.getpid()
proc = subprocess.Popen(
    ['soffice', '--headless', '--invisible', '--norestore', '--nologo',
     '-env:UserInstallation=' + uno.systemPathToFileUrl(profile),
     '--accept=pipe,name=%s;urp;' % pipe],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
ctx = None
for _ in range(200):
    try:
        ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
        break
    except Exception:
        time.sleep(0.25)
if ctx is None:
    proc.kill()
    sys.exit('LibreOffice did not start')
smgr = ctx.ServiceManager
desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
def count_redlines():
    e = doc.getRedlines().createEnumeration()
    n = 0
    while e.hasMoreElements():
        e.nextElement()
        n += 1
    return n


redlines = count_redlines()
if action in ('accept', 'reject'):
    helper = smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
    command = '.uno:AcceptAllTrackedChanges' if action == 'accept' else '.uno:RejectAllTrackedChanges'
    helper.executeDispatch(doc.getCurrentController().getFrame(), command, '', 0, ())
after = count_redlines()
text = doc.getText().getString()
print(json.dumps({'redlines': redlines, 'after': after, 'text': text}))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
try:
    proc.wait(timeout=30)
except Exception:
    proc.kill()
