# Edits a .docx in LibreOffice (headless, through UNO) the way a delegation would, and saves it as
# Word 2007+ XML, so tests get files made by LibreOffice itself rather than hand-written XML.
#   python3 lo-edit.py IN.docx OUT.docx PROFILE_DIR SCRIPT.json
# SCRIPT.json: {"edits": [...]} applied in order; each edit is one of
#   {"author": "jdoe", "tracked": true, "find": "text", "replace": "new text"}   (replace; "" deletes)
#   {"author": "jdoe", "tracked": true, "after": "text", "insert": "new text"}   (insert after text)
#   {"author": "jdoe", "comment": "text", "on": "text"}                           (a comment)
#   {"author": "jdoe", "tracked": true, "newParagraphAfter": "text", "insert": "paragraph text"}
# The author of tracked changes is LibreOffice's user name, set through the configuration before
# each edit. Prints JSON: {"redlines": n, "comments": n}.
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

src, out, profile, script = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
edits = json.load(open(script, encoding='utf-8'))['edits']
pipe = 'plenaryedit%d' % os.getpid()
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


def set_author(name):
    provider = smgr.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider', ctx)
    access = provider.createInstanceWithArguments(
        'com.sun.star.configuration.ConfigurationUpdateAccess', (prop('nodepath', '/org.openoffice.UserProfile/Data'),))
    access.setPropertyValue('givenname', name)
    access.setPropertyValue('sn', '')
    access.commitChanges()


doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
if doc is None:
    sys.exit('LibreOffice could not open ' + src)


def find(text):
    d = doc.createSearchDescriptor()
    d.SearchString = text
    d.SearchCaseSensitive = True
    found = doc.findFirst(d)
    if found is None:
        sys.exit('text not found: ' + text)
    return found


for e in edits:
    set_author(e['author'])
    doc.setPropertyValue('RecordChanges', bool(e.get('tracked', False)))
    if 'comment' in e:
        rng = find(e['on'])
        note = doc.createInstance('com.sun.star.text.textfield.Annotation')
        note.setPropertyValue('Author', e['author'])
        note.setPropertyValue('Content', e['comment'])
        rng.getText().insertTextContent(rng, note, True)
    elif 'replace' in e:
        rng = find(e['find'])
        rng.setString(e['replace'])
    elif 'newParagraphAfter' in e:
        rng = find(e['newParagraphAfter'])
        cur = rng.getText().createTextCursorByRange(rng.getEnd())
        cur.gotoEndOfParagraph(False)
        rng.getText().insertControlCharacter(cur, 0, False)  # PARAGRAPH_BREAK
        rng.getText().insertString(cur, e['insert'], False)
    else:
        rng = find(e['after'])
        rng.getText().insertString(rng.getEnd(), e['insert'], False)

count = 0
en = doc.getRedlines().createEnumeration()
while en.hasMoreElements():
    en.nextElement()
    count += 1
fields = 0
en = doc.getTextFields().createEnumeration()
while en.hasMoreElements():
    f = en.nextElement()
    if f.supportsService('com.sun.star.text.textfield.Annotation'):
        fields += 1
doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop('FilterName', 'MS Word 2007 XML'),))
print(json.dumps({'redlines': count, 'comments': fields}))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
try:
    proc.wait(timeout=30)
except Exception:
    proc.kill()
