# pulumi-kfp: build, test and try the provider. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CONFIG ?= Release
DOTNET ?= dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

SOLUTION := pulumi-kfp.slnx
PROVIDER := provider/cmd/pulumi-resource-kfp/pulumi-resource-kfp.csproj
EMULATOR := tests/Kfp.Emulator/Kfp.Emulator.csproj
# Built by `make build` too, so a change elsewhere cannot leave the benchmarks uncompilable until `make bench`.
BENCHMARKS := tests/Kfp.Benchmarks/Kfp.Benchmarks.csproj

.PHONY: help build build-jit dist test test-dotnet test-conformance schema schema-check example bench clean sdk sdk-check test-sdk docs docs-check

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

build: ## Build everything; bin/pulumi-resource-kfp is the native (NativeAOT) plugin, plus bin/kfp-emulator and bin/kfp-dev
	$(DOTNET) build $(SOLUTION) -c $(CONFIG) -nologo -clp:ErrorsOnly
	$(DOTNET) build $(BENCHMARKS) -c $(CONFIG) -nologo -clp:ErrorsOnly
	@# The native compile (minutes) runs only when an assembly or a build setting changed since the last one.
	@if [ ! -x bin/lib/native/pulumi-resource-kfp ] || [ -n "$$(find provider Directory.Build.props Directory.Packages.props \
	    \( -path '*/bin/$(CONFIG)/*.dll' -o -name '*.csproj' -o -name '*.props' \) -newer bin/lib/native/pulumi-resource-kfp | head -1)" ]; then \
	  echo "$(DOTNET) publish $(PROVIDER) (NativeAOT)"; \
	  $(DOTNET) publish $(PROVIDER) -c $(CONFIG) --no-build -nologo -clp:ErrorsOnly -o bin/lib/native; \
	  touch bin/lib/native/pulumi-resource-kfp; \
	else echo "bin/lib/native/pulumi-resource-kfp is up to date"; fi
	install -m 755 bin/lib/native/pulumi-resource-kfp bin/pulumi-resource-kfp
	$(DOTNET) publish $(EMULATOR) -c $(CONFIG) --no-build -nologo -o bin/lib/emulator
	scripts/write-launcher bin/kfp-emulator lib/emulator/kfp-emulator
	scripts/write-launcher bin/kfp-dev ../scripts/kfp-dev

build-jit: ## Inner loop: the plugin on the JIT (faster to build; bin/pulumi-resource-kfp runs bin/lib/provider)
	$(DOTNET) build $(SOLUTION) -c $(CONFIG) -nologo -clp:ErrorsOnly
	$(DOTNET) publish $(PROVIDER) -c $(CONFIG) -nologo -clp:ErrorsOnly -p:PublishAot=false -o bin/lib/provider
	$(DOTNET) publish $(EMULATOR) -c $(CONFIG) --no-build -nologo -o bin/lib/emulator
	scripts/write-launcher bin/pulumi-resource-kfp lib/provider/pulumi-resource-kfp
	scripts/write-launcher bin/kfp-emulator lib/emulator/kfp-emulator
	scripts/write-launcher bin/kfp-dev ../scripts/kfp-dev

DIST_ARCHS ?= amd64
dist: build ## Plugin tarballs in dist/ for `pulumi plugin install resource kfp <version> --file <tarball>` (DIST_ARCHS="amd64 arm64")
	scripts/dist $(DIST_ARCHS)

test: build dist test-dotnet schema-check sdk-check docs-check test-sdk test-conformance ## Build, then run every test suite

test-dotnet: ## The xunit suites (unit, emulator, lifecycle)
	$(DOTNET) test $(SOLUTION) -c $(CONFIG) --no-build -nologo --logger "console;verbosity=minimal"

test-conformance: ## Node tests that drive bin/ (and the amd64 tarball in dist/) with Pulumi's own gRPC client
	scripts/npm-ci-if-changed tests/conformance tools/mini-engine
	cd tests/conformance && npm test

schema: ## Regenerate schema.json from the resource definitions
	bin/pulumi-resource-kfp --print-schema > schema.json

schema-check: ## Fail when the committed schema.json is stale
	@bin/pulumi-resource-kfp --print-schema | diff -u schema.json - \
	  || { echo "schema.json is stale: run 'make schema' and commit it" >&2; exit 1; }

SDKGEN := node tools/sdkgen
SDK_TESTS := tests/sdk
# npm ci only when package-lock.json changed since the last install (npm writes node_modules/.package-lock.json).
SDK_TEST_DEPS = [ $(SDK_TESTS)/node_modules/.package-lock.json -nt $(SDK_TESTS)/package-lock.json ] \
  || (cd $(SDK_TESTS) && npm ci --no-audit --no-fund --loglevel=error)

sdk: ## Generate sdk/nodejs from schema.json, compile it into sdk/nodejs/bin and pack it (sdk/nodejs/*.tgz)
	$(SDKGEN) nodejs schema.json sdk/nodejs
	$(SDK_TEST_DEPS)
	node $(SDK_TESTS)/build.js --sdk-only
	rm -rf sdk/nodejs/bin sdk/nodejs/*.tgz
	cp -r $(SDK_TESTS)/build/sdk/bin sdk/nodejs/bin
	npm pack ./sdk/nodejs/bin --pack-destination sdk/nodejs --loglevel=error

sdk-check: ## Fail when the committed sdk/nodejs is stale
	@$(SDKGEN) nodejs schema.json sdk/nodejs --check

test-sdk: ## Compile sdk/nodejs and examples/typescript with tsc --strict, then the SDK's mock tests
	$(SDK_TEST_DEPS)
	cd $(SDK_TESTS) && npm test

docs: ## Generate the reference docs (docs/reference) from schema.json
	$(SDKGEN) docs schema.json docs/reference

docs-check: ## Fail when the committed docs/reference is stale
	@$(SDKGEN) docs schema.json docs/reference --check

example: build ## Deploy the quickstart stack (Pulumi.yaml) against the emulator
	scripts/run-example

# In process: BenchmarkDotNet's separate build of a generated project cannot build the provider (Grpc.Tools with a moved obj folder).
BENCH_ARGS ?= --filter '*' --inProcess
# The GC settings the plugin is built with (provider/cmd/pulumi-resource-kfp/pulumi-resource-kfp.csproj; keep in step),
# so the in-process figures are what the plugin does, not what a default heap would do; its Batch latency mode is set in
# code by both entry points.
BENCH_GC ?= DOTNET_GCgen0size=0x400000 DOTNET_GCLOHThreshold=0x100000 DOTNET_GCConserveMemory=7
bench: build ## Start-up against the native floor (tools/startup-time), the 1,000-resource preview (tools/preview-bench), then the hot paths (BenchmarkDotNet); BENCH_ARGS="--filter '*Value*' --job short --inProcess" narrows
	tools/startup-time || true
	scripts/npm-ci-if-changed tests/conformance
	node tools/preview-bench/preview-bench.js || true
	env $(BENCH_GC) $(DOTNET) run -c $(CONFIG) --project tests/Kfp.Benchmarks -- $(BENCH_ARGS)

clean: ## Remove build output
	rm -rf bin out dist
	find provider tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
