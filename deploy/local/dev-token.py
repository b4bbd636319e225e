#!/usr/bin/env python3
"""Mints a development token with the shared development signing key, exactly as `ehub token`
(DevTokenIssuer) does: ES256, issuer educationhub-dev, audience educationhub. Used by
run-distributed.sh for the portal's service token, so the script needs no .NET tool to start.

    dev-token.py KEY.pem ORGANISATION SCOPE [SCOPE...]
"""
import base64, hashlib, json, sys, time, uuid

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main(key_path: str, organisation: str, scopes: list[str]) -> None:
    with open(key_path, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    spki = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    kid = b64url(hashlib.sha256(spki).digest())[:22]  # SigningKeyPem.KeyIdFor
    now = int(time.time())
    header = {"alg": "ES256", "kid": kid, "typ": "at+jwt"}
    # Seven days: the longest a development token may live (DevTokenIssuer.MaximumLifetime).
    payload = {"sub": "dev-user", "jti": uuid.uuid4().hex, "organisation": organisation, "scope": " ".join(scopes),
               "iss": "educationhub-dev", "aud": "educationhub", "iat": now, "nbf": now, "exp": now + 7 * 24 * 3600}
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(payload).encode())
    r, s = decode_dss_signature(key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    print(signing_input + "." + b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big")))


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
