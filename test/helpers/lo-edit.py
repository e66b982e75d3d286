# Edits a .docx in LibreOffice (headless, through UNO) the way a delegation would, and saves it as
# Word 2007+ XML, so tests get files made by LibreOffice itself rather than hand-written XML.
#   python3 lo-edit.py IN.docx OUT.docx PROFILE_DIR SCRIPT.json
# SCRIPT.json: {"edits": [...]} applied in order; each edit is one of
#   {"author": "jdoe", "tracked": true, "find": "text", "replace": "new text"}   (replace; "" deletes)
#   {"author": "jdoe", "tracked": true, "after": "text", "insert": "new text"}   (insert after text)
#   {"author": "jdoe", "tracked": true, "newParagraphAfter": "text", "insert": "paragraph text"}
# The author of tracked changes is LibreOffice's user name, set through the configuration before
# each edit. Prints JSON: {"redlines": n}. (Comments are not offered: LibreOffice 7.4 headless
# crashes on annotations through UNO; tests get LibreOffice-written comments with --convert-to.)
import json
import os
import sys

import uno

from lo_uno import count_redlines, load, prop, start, stop

src, out, profile, script = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
edits = json.load(open(script, encoding='utf-8'))['edits']
proc, ctx, desktop = start(profile, 'plenaryedit')
smgr = ctx.ServiceManager


def set_author(name):
    provider = smgr.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider', ctx)
    access = provider.createInstanceWithArguments(
        'com.sun.star.configuration.ConfigurationUpdateAccess', (prop('nodepath', '/org.openoffice.UserProfile/Data'),))
    access.setPropertyValue('givenname', name)
    access.setPropertyValue('sn', '')
    access.commitChanges()


doc = load(desktop, src)


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
    if 'replace' in e:
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

count = count_redlines(doc)
doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop('FilterName', 'MS Word 2007 XML'),))
print(json.dumps({'redlines': count}))
stop(proc, desktop, doc)
