# Opens a .docx in LibreOffice (headless, through UNO), optionally accepts or rejects all tracked
# changes, and prints JSON: the number of tracked changes found and the document body's text.
#   python3 lo-text.py FILE.docx PROFILE_DIR [accept|reject]
import json
import sys

from lo_uno import count_redlines, kill, load, retrying, start, stop

src, profile = sys.argv[1], sys.argv[2]
action = sys.argv[3] if len(sys.argv) > 3 else ''


def run():
    proc, ctx, desktop = start(profile, 'plenary')
    try:
        doc = load(desktop, src)
        redlines = count_redlines(doc)
        if action in ('accept', 'reject'):
            helper = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
            command = '.uno:AcceptAllTrackedChanges' if action == 'accept' else '.uno:RejectAllTrackedChanges'
            helper.executeDispatch(doc.getCurrentController().getFrame(), command, '', 0, ())
        after = count_redlines(doc)
        text = doc.getText().getString()
    except Exception:
        kill(proc)
        raise
    stop(proc, desktop, doc)
    return {'redlines': redlines, 'after': after, 'text': text}


print(json.dumps(retrying(run)))
