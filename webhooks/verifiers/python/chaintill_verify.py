"""ChainTill webhook signature verifier, Python 3.8+, standard library only. Spec: webhooks/SIGNATURES.md.

    # Flask: request.get_data() is the RAW body; parse JSON only after verifying.
    verify_chaintill_signature(secret, request.get_data(), request.headers.get("ChainTill-Signature"))
"""
import hashlib
import hmac
import re
import time

DEFAULT_TOLERANCE_SECONDS = 300
_T = re.compile(r"[0-9]{1,15}")


class WebhookSignatureError(Exception):
    """The delivery is not authentic or not fresh; answer 400/401 and do not process it."""


def _hmac_hex(secret, *parts):
    if not secret:
        raise WebhookSignatureError("webhook secret not configured")
    mac = hmac.new(secret.encode("utf-8"), digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.hexdigest()


def _raw(body):
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, str):
        return body.encode("utf-8")
    # A dict means the raw bytes are already lost; re-serializing would not reproduce them.
    raise TypeError("body must be the raw request body (bytes or str), not parsed JSON")


def verify_chaintill_signature(secret, body, header, tolerance_seconds=DEFAULT_TOLERANCE_SECONDS, now=None):
    """Verify ``ChainTill-Signature: t=<unix>,v1=<hex>[,v1=...][,vN=...]``.

    Passes if ANY v1 matches (several appear during secret rotation); unknown schemes are ignored.
    Raises WebhookSignatureError otherwise.
    """
    raw = _raw(body)
    if not header or not header.strip():
        raise WebhookSignatureError("missing ChainTill-Signature header")
    t = None
    v1 = []
    for part in header.split(","):
        key, sep, value = part.partition("=")
        if not sep:
            continue
        key, value = key.strip(), value.strip()
        if key == "t":
            if t is not None:
                raise WebhookSignatureError("more than one t= in ChainTill-Signature")
            t = value
        elif key == "v1":
            v1.append(value)
    if t is None or not _T.fullmatch(t):
        raise WebhookSignatureError("ChainTill-Signature has no valid t=")
    if not v1:
        raise WebhookSignatureError("ChainTill-Signature has no v1= signature")
    # The timestamp digits exactly as received, then ".", then the raw body bytes.
    expected = _hmac_hex(secret, t.encode("ascii"), b".", raw)
    matched = False
    for candidate in v1:
        # compare_digest is constant time; no early exit across entries either.
        matched = hmac.compare_digest(expected, candidate.encode("ascii", "replace").decode("ascii")) or matched
    if not matched:
        raise WebhookSignatureError("ChainTill-Signature does not match (wrong secret or altered body)")
    age = (int(time.time()) if now is None else now) - int(t)
    if abs(age) > tolerance_seconds:
        raise WebhookSignatureError("ChainTill-Signature timestamp outside tolerance (%d s)" % age)


def verify_btcpay_sig(secret, body, header):
    """Verify the BTCPay-compatible ``BTCPay-Sig: sha256=<hex>`` header. No replay protection."""
    raw = _raw(body)
    if not header or not header.startswith("sha256="):
        raise WebhookSignatureError("missing or malformed BTCPay-Sig header")
    given = header[len("sha256="):].strip().encode("ascii", "replace").decode("ascii")
    if not hmac.compare_digest(_hmac_hex(secret, raw), given):
        raise WebhookSignatureError("BTCPay-Sig does not match (wrong secret or altered body)")
