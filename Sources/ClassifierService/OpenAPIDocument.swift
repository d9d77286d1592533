/// The OpenAPI 3.1 description of the service, served at `GET /openapi.json`. It lives in the source so the binary
/// always serves the document of its own version; `scripts/api-test.sh` checks the running server against it with
/// schemathesis, and `ServiceTests` checks that every route it lists is served.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "classify",
    "version": "0.4.0",
    "description": "Classifies the structure of chat servers (names, categories, channels, topics; never messages) against known patterns of digital sexual violence. Errors are {\"error\": {\"code\", \"message\"}}. With a token (classify serve --token-file), /v1 and /metrics need 'Authorization: Bearer TOKEN'."
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080"
    }
  ],
  "paths": {
    "/v1/classify": {
      "post": {
        "operationId": "classify",
        "summary": "Classify the servers in the body",
        "description": "The body is any input classify reads: one server export (Discord channel array, guild template, DiscordChatExporter JSON, native JSON, an outline) or JSON Lines of them, detected as on the command line. Answers the objects of `classify --format json` (an array), or NDJSON (`Accept: application/x-ndjson` or `format=jsonl`), or the CLI's markdown, HTML or CSV report. A record that cannot be read is an error object in the answer; when no record can be read the answer is 400 with the reader's message.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "name": "format",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "json",
                "jsonl",
                "ndjson",
                "markdown",
                "html",
                "csv"
              ]
            }
          },
          {
            "name": "lang",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "fr",
                "en"
              ]
            }
          },
          {
            "name": "redact",
            "in": "query",
            "description": "true, 1 or a bare '?redact' turn redaction on; false or 0 leave it off.",
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false",
                "1",
                "0",
                ""
              ]
            }
          },
          {
            "name": "all",
            "in": "query",
            "description": "With format=html: list clear servers too (true, 1 or a bare '?all'; false or 0 do not).",
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false",
                "1",
                "0",
                ""
              ]
            }
          },
          {
            "name": "name",
            "in": "query",
            "description": "The body's file name, as the CLI would see it: '.jsonl' reads JSON Lines.",
            "schema": {
              "type": "string",
              "pattern": "^[^/\\u0000-\\u001f\\u007f]{1,255}$"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {},
              "examples": {
                "native": {"summary": "A server in classify's native shape", "value": {"name": "Coin des Scred", "categories": [{"name": "LEAKS", "channels": ["demande-leak", "leaks-nudes"]}]}},
                "channels": {"summary": "A Discord channel array (GET /guilds/{id}/channels)", "value": [{"id": "1", "type": 4, "name": "general"}, {"id": "2", "type": 0, "name": "chat", "parent_id": "1"}]}
              }
            },
            "application/x-ndjson": {
              "schema": {
                "type": "string"
              }
            },
            "text/plain": {
              "schema": {
                "type": "string"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "One result per record, in input order",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Result"
                  }
                }
              },
              "application/x-ndjson": {
                "schema": {
                  "type": "string"
                }
              },
              "text/markdown": {
                "schema": {
                  "type": "string"
                }
              },
              "text/html": {
                "schema": {
                  "type": "string"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/E400"
          },
          "401": {
            "$ref": "#/components/responses/E401"
          },
          "405": {
            "$ref": "#/components/responses/E405"
          },
          "413": {
            "$ref": "#/components/responses/E413"
          },
          "503": {
            "$ref": "#/components/responses/E503"
          }
        }
      }
    },
    "/v1/rules": {
      "get": {
        "operationId": "rules",
        "summary": "The loaded rule packs",
        "security": [
          {
            "bearer": []
          }
        ],
        "responses": {
          "200": {
            "description": "Version, categories, rules and referrals",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Rules"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/E401"
          },
          "405": {
            "$ref": "#/components/responses/E405"
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "operationId": "health",
        "summary": "The process answers",
        "security": [],
        "responses": {
          "200": {
            "description": "Alive",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Status"
                }
              }
            }
          },
          "405": {
            "$ref": "#/components/responses/E405"
          }
        }
      }
    },
    "/readyz": {
      "get": {
        "operationId": "ready",
        "summary": "Ready for work (503 while shutting down)",
        "security": [],
        "responses": {
          "200": {
            "description": "Ready",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Status"
                }
              }
            }
          },
          "405": {
            "$ref": "#/components/responses/E405"
          },
          "503": {
            "$ref": "#/components/responses/E503"
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "metrics",
        "summary": "Prometheus metrics",
        "security": [
          {
            "bearer": []
          }
        ],
        "responses": {
          "200": {
            "description": "Prometheus text format",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/E401"
          },
          "405": {
            "$ref": "#/components/responses/E405"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "openapi",
        "summary": "This document",
        "security": [],
        "responses": {
          "200": {
            "description": "OpenAPI 3.1",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "405": {
            "$ref": "#/components/responses/E405"
          }
        }
      }
    },
    "/": {
      "get": {
        "operationId": "page",
        "summary": "The page for volunteers",
        "security": [],
        "responses": {
          "200": {
            "description": "A self-contained HTML page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "405": {
            "$ref": "#/components/responses/E405"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer"
      }
    },
    "responses": {
      "E400": {
        "description": "Bad input or parameter",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "E401": {
        "description": "Missing or wrong bearer token",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "E404": {
        "description": "No such endpoint",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "E405": {
        "description": "Method not allowed",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "E413": {
        "description": "Body over --max-body",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "E503": {
        "description": "Busy (Retry-After), timed out, or shutting down",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "code",
              "message"
            ],
            "properties": {
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            }
          }
        }
      },
      "Status": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string"
          }
        }
      },
      "Verdict": {
        "type": "string",
        "enum": [
          "clear",
          "watch",
          "report-platform",
          "report-authorities"
        ]
      },
      "Result": {
        "type": "object",
        "required": [
          "server",
          "verdict",
          "errors"
        ],
        "description": "A classified server (verdict set) or a record that could not be read (verdict null, the message in errors). The keys server, verdict, categories and evidence are stable.",
        "properties": {
          "server": {
            "type": "object"
          },
          "verdict": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Verdict"
              },
              {
                "type": "null"
              }
            ]
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "score",
                "verdict"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "section": {
                  "type": "string"
                },
                "score": {
                  "type": "integer"
                },
                "verdict": {
                  "$ref": "#/components/schemas/Verdict"
                }
              }
            }
          },
          "evidence": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "rule",
                "category"
              ],
              "properties": {
                "rule": {
                  "type": "string"
                },
                "category": {
                  "type": "string"
                },
                "section": {
                  "type": "string"
                },
                "location": {
                  "type": "string"
                },
                "match": {
                  "type": "string"
                }
              }
            }
          },
          "errors": {
            "type": "array"
          }
        }
      },
      "Rules": {
        "type": "object",
        "required": [
          "version",
          "categories",
          "rules",
          "referrals"
        ],
        "properties": {
          "version": {
            "type": "string"
          },
          "classify": {
            "type": "string"
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "section",
                "titles"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "section": {
                  "type": "string"
                },
                "titles": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "string"
                  }
                }
              }
            }
          },
          "rules": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "category",
                "section",
                "status"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "category": {
                  "type": "string"
                },
                "section": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "stable",
                    "experimental"
                  ]
                },
                "weight": {
                  "type": "integer"
                },
                "indicator": {
                  "type": "boolean"
                },
                "description": {
                  "type": "string"
                }
              }
            }
          },
          "referrals": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "url",
                "verdicts"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "name": {
                  "type": "object"
                },
                "note": {
                  "type": "object"
                },
                "url": {
                  "type": "string"
                },
                "verdicts": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Verdict"
                  }
                },
                "categories": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
"""# + "\n"
}
