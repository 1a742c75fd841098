"""The one thin JSON-RPC client the end-to-end tests use to drive a running Odoo."""

import itertools
import json
import urllib.request


class OdooError(Exception):
    """An error Odoo returned; ``name`` is the exception class (e.g. odoo.exceptions.UserError)."""

    def __init__(self, error):
        data = error.get("data", {})
        self.name = data.get("name", "")
        self.message = data.get("message") or error.get("message", "")
        super().__init__(f"{self.name}: {self.message}")


class OdooClient:
    _ids = itertools.count(1)
    timeout = 60  # seconds per call

    def __init__(self, url, db, login, password):
        self.url, self.db, self.login = url.rstrip("/"), db, login
        self.password = password
        self.uid = self._call("common", "login", db, login, password)
        if not self.uid:
            raise PermissionError(f"login failed for {login}")

    def _call(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(self._ids),
            "params": {"service": service, "method": method, "args": args},
        }
        request = urllib.request.Request(
            f"{self.url}/jsonrpc",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            body = json.loads(response.read())
        if body.get("error"):
            raise OdooError(body["error"])
        # Odoo leaves "result" out when the method returned None.
        return body.get("result")

    def call(self, model, method, *args, **kwargs):
        return self._call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )

    def read_one(self, model, record_id, fields):
        return self.call(model, "read", [record_id], fields)[0]
