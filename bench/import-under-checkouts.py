#!/usr/bin/env python3
"""`just bench`: a 10,000-line CSV import into a demo shop, timed, while shoppers check out
of that shop on four connections. Every checkout must succeed (no "database is locked").

Usage: import-under-checkouts.py BASE_URL [LINES]. Prints one Markdown table row; exits 1
when the import or a checkout failed.
"""

import json
import sys
import threading
import time
import urllib.error
import urllib.request

BASE = sys.argv[1]
LINES = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
SHOP = "epicerie-du-duche"
MERCHANT = ("marchand@vitrine.demo", "vitrine-demo-2026")
CHECKOUT = {
    "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
    "fulfilment": {
        "method": "delivery",
        "address": {"street": "3 rue Jacques d'Uzès", "postcode": "30700", "commune": "Uzès"},
    },
    "contact_preference": "call",
    "accept_terms": True,
}


def call(method, path, body=None, token=None, content_type="application/json"):
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(errors="replace")


status, session = call("POST", "/api/v1/auth/login", {"email": MERCHANT[0], "password": MERCHANT[1]})
assert status == 200, session
token = session["access_token"]

# The shop's products on sale with stock to sell, one unit per checkout.
status, page = call("GET", f"/api/v1/products?shop={SHOP}&in_stock=true&per_page=100")
assert status == 200, page
stock = []
for card in page["items"]:
    _, product = call("GET", f"/api/v1/products/{card['id']}")
    stock += [card["id"]] * min(product["max_quantity"], 50)
lock = threading.Lock()
results = []
done = threading.Event()


def shopper():
    while not done.is_set():
        with lock:
            if not stock:
                return
            product = stock.pop()
        _, cart = call("POST", "/api/v1/carts")
        status, body = call("POST", f"/api/v1/carts/{cart['id']}/items", {"product_id": product, "quantity": 1})
        if status == 200:
            status, body = call("POST", f"/api/v1/carts/{cart['id']}/checkout", CHECKOUT)
        with lock:
            results.append((status, body if status != 201 else None))


lines = ["nom;description;prix;tva;stock;categorie"]
lines += [f"Confiture n°{i};Pot de 350 g;{3 + i % 7},{i % 100:02};5,5;{i % 50};epicerie" for i in range(LINES)]
csv_file = ("\n".join(lines) + "\n").encode()

shoppers = [threading.Thread(target=shopper) for _ in range(4)]
for thread in shoppers:
    thread.start()
time.sleep(0.5)
start = time.monotonic()
status, report = call("POST", f"/api/v1/shops/{SHOP}/products/import", csv_file, token, "text/csv")
seconds = time.monotonic() - start
time.sleep(0.5)
done.set()
for thread in shoppers:
    thread.join()

created = report.get("created") if isinstance(report, dict) else None
failed = [r for r in results if r[0] != 201]
print(f"| {LINES:,} lines | {status} | {created} | {seconds:.2f} | {len(results) - len(failed)} | {len(failed)} |")
for code, body in failed[:5]:
    print(f"  failed checkout: {code} {str(body)[:200]}", file=sys.stderr)
sys.exit(0 if status == 200 and created == LINES and results and not failed else 1)
