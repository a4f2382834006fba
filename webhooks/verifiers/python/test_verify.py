"""Run: python3 -m unittest -v   (from this folder). Checks chaintill_verify against ../fixtures.json."""
import json
import os
import unittest

from chaintill_verify import WebhookSignatureError, verify_btcpay_sig, verify_chaintill_signature

_HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.environ.get("CHAINTILL_FIXTURES", os.path.join(_HERE, "..", "fixtures.json")), encoding="utf-8") as fh:
    F = json.load(fh)
BODY = F["body"].encode("utf-8")
SIG = F["headers"]["ChainTill-Signature"]
BTCPAY = F["headers"]["BTCPay-Sig"]
T = F["t"]
TAMPERED = F["body"].replace("0.00150000", "0.00150001").encode("utf-8")


class VerifyTest(unittest.TestCase):
    def test_accepts_server_signature_within_window(self):
        for now in (T, T + 300, T - 300):
            verify_chaintill_signature(F["secret"], BODY, SIG, now=now)
        verify_chaintill_signature(F["secret"], F["body"], SIG, now=T)  # str body is taken as UTF-8

    def test_accepts_btcpay_sig(self):
        verify_btcpay_sig(F["secret"], BODY, BTCPAY)

    def test_accepts_any_v1_and_ignores_unknown_schemes(self):
        verify_chaintill_signature(F["secret"], BODY, F["rotationHeader"], now=T)
        verify_chaintill_signature(F["previousSecret"], BODY, F["rotationHeader"], now=T)

    def test_rejects_tampered_body(self):
        with self.assertRaises(WebhookSignatureError):
            verify_chaintill_signature(F["secret"], TAMPERED, SIG, now=T)
        with self.assertRaises(WebhookSignatureError):
            verify_btcpay_sig(F["secret"], TAMPERED, BTCPAY)

    def test_rejects_reserialized_body_and_parsed_json(self):
        with self.assertRaises(WebhookSignatureError):
            verify_chaintill_signature(F["secret"], json.dumps(json.loads(F["body"])), SIG, now=T)
        with self.assertRaises(TypeError):
            verify_chaintill_signature(F["secret"], json.loads(F["body"]), SIG, now=T)

    def test_rejects_wrong_secret(self):
        with self.assertRaises(WebhookSignatureError):
            verify_chaintill_signature(F["secret"] + "x", BODY, SIG, now=T)
        with self.assertRaises(WebhookSignatureError):
            verify_btcpay_sig("wrong", BODY, BTCPAY)

    def test_rejects_stale_and_future_timestamps(self):
        for now in (T + 301, T - 301):
            with self.assertRaises(WebhookSignatureError):
                verify_chaintill_signature(F["secret"], BODY, SIG, now=now)
        with self.assertRaises(WebhookSignatureError):
            verify_chaintill_signature(F["secret"], BODY, SIG)  # real clock: the fixture is long past
        with self.assertRaises(WebhookSignatureError):
            verify_chaintill_signature(F["secret"], BODY, SIG.replace("t=%d" % T, "t=%d" % (T + 60)), now=T + 60)

    def test_rejects_missing_malformed_and_unknown_only_headers(self):
        for header in (None, "", "garbage", SIG.replace("v1=", "v2="), "t=%d,v1=é" % T):
            with self.assertRaises(WebhookSignatureError):
                verify_chaintill_signature(F["secret"], BODY, header, now=T)
        with self.assertRaises(WebhookSignatureError):
            verify_btcpay_sig(F["secret"], BODY, BTCPAY[len("sha256="):])


if __name__ == "__main__":
    unittest.main()
