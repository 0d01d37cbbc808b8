#!/usr/bin/env python3
"""Fills the service mailbox of the support benchmark: sends COUNT messages by SMTP to TO, as customers write them.

    fill_mailbox.py HOST PORT TO COUNT KNOWN_ADDRESSES CASE_NUMBERS

KNOWN_ADDRESSES and CASE_NUMBERS are files of one e-mail address of a contact, and one number of an open case, per line.
Of the messages, 6 in 10 come from known contacts, 2 in 10 from unknown senders (of new companies and of free mail),
15 in 100 answer an open case with its number in the subject ("Re: [CS-000123] ..."), and 5 in 100 are auto-replies
(Auto-Submitted); 1 in 20 carries a PDF of 20 KB. Prints a line with the counts of each kind.
"""
import random
import smtplib
import sys
from email.message import EmailMessage
from email.utils import make_msgid, formatdate

host, port, to, count, known_file, numbers_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), \
    sys.argv[5], sys.argv[6]
known = [line.strip() for line in open(known_file) if line.strip()]
numbers = [line.strip() for line in open(numbers_file) if line.strip()]
rng = random.Random(2718)
subjects = ["Cannot sign in", "Invoice is wrong", "Delivery is late", "Error when exporting", "How do I change my plan",
            "Order arrived damaged", "The report shows no figures", "Password reset mail never came"]
pdf = b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(20 * 1024)) + b"\n%%EOF\n"
kinds = {"known": 0, "unknown": 0, "reply": 0, "automatic": 0, "with_file": 0}

with smtplib.SMTP(host, port) as smtp:
    for i in range(count):
        message = EmailMessage()
        draw = rng.random()
        subject = rng.choice(subjects)
        if draw < 0.60:
            kind, sender = "known", rng.choice(known)
        elif draw < 0.80:
            kind = "unknown"
            sender = (f"customer{i}@gmail.com" if rng.random() < 0.5
                      else f"buyer{i}@company{rng.randrange(100000)}.example")
        elif draw < 0.95:
            kind, sender = "reply", rng.choice(known)
            subject = f"Re: [{rng.choice(numbers)}] {subject}"
        else:
            kind, sender = "automatic", rng.choice(known)
            subject = "Automatic reply: " + subject
            message["Auto-Submitted"] = "auto-replied"
        kinds[kind] += 1
        message["From"] = sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = make_msgid(idstring=f"bench{i}", domain="bench.rapport.example")
        message.set_content(f"Hello,\n\n{subject}: it happened again this morning (message {i}).\n\nRegards\n")
        if rng.random() < 0.05:
            kinds["with_file"] += 1
            message.add_attachment(pdf, maintype="application", subtype="pdf", filename=f"report-{i}.pdf")
        smtp.send_message(message)
print(" ".join(f"{k}={v}" for k, v in kinds.items()))
