# ntm — GNU make. Targets: all run check bench fuzz install uninstall clean deps
# Quiet by default; V=1 shows full commands. CI=true turns warnings into errors.

VERSION    := 0.2.0
# The schema the binary writes, as the store says it (for the man page).
SCHEMA     := $(shell sed -n 's/^\#define STORE_SCHEMA_VERSION *//p' include/ntm/store.h)
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
COMPDIR    ?= $(PREFIX)/share/bash-completion/completions
PKG_CONFIG ?= pkg-config
CC         ?= cc
CLANG      ?= clang
CFLAGS     ?= -O2 -g

B         ?= build
BIN       ?= ntm
PKGS      := ncursesw sqlite3 libutf8proc xlsxwriter libzip expat
# Opened with dlopen when a report or a spreadsheet needs them
# (src/io/lazylib.c): their headers are used, the program is not linked
# with them; the unit tests that call them directly are.
LAZY_PKGS := xlsxwriter libzip
WARN      := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wformat=2 -Wvla
ifeq ($(CI),true)
WARN      += -Werror
endif
# iconv is in glibc; elsewhere it is its own library.
ICONV_LIBS := $(shell printf '\043include <iconv.h>\nint main(void){return iconv_open("","")==0;}' \
                | $(CC) -x c - -o /dev/null 2>/dev/null || echo -liconv)
# dlopen is in glibc since 2.34; before, and elsewhere, it is in libdl.
DL_LIBS := $(shell printf '\043include <dlfcn.h>\nint main(void){return dlopen("",0)==0;}' \
             | $(CC) -x c - -o /dev/null 2>/dev/null || echo -ldl)
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) $(PKG_STATIC) --libs $(filter-out $(LAZY_PKGS),$(PKGS)) 2>/dev/null)
LAZY_LIBS  = $(shell $(PKG_CONFIG) --libs $(LAZY_PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DNTM_VERSION='"$(VERSION)"' -Iinclude -Isrc -I$(B)/gen \
             $(PKG_CFLAGS) $(WARN) $(CFLAGS) -MMD -MP
ALL_LIBS   = $(PKG_LIBS) $(ICONV_LIBS) $(DL_LIBS) -lm

ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-6s %s\n' $(1) $(2)
endif

LIB_SRC  := $(sort $(wildcard src/text/*.c src/model/*.c src/store/*.c \
              src/io/*.c src/cli/*.c src/tui/*.c))
EMBED    := schema_v1_sql=src/store/schema-v1.sql \
            schema_v2_sql=src/store/schema-v2.sql \
            schema_v3_sql=src/store/schema-v3.sql \
            schema_v4_sql=src/store/schema-v4.sql \
            schema_v5_sql=src/store/schema-v5.sql \
            schema_v6_sql=src/store/schema-v6.sql \
            schema_v7_sql=src/store/schema-v7.sql \
            schema_v8_sql=src/store/schema-v8.sql \
            schema_v9_sql=src/store/schema-v9.sql \
            seed_base_sql=share/ntm/base.sql \
            seed_commune_viet_hung_sql=share/ntm/commune-viet-hung.sql \
            builtin_plan_2024_txt=share/ntm/plan-2024.txt
EMBED_IN := $(foreach e,$(EMBED),$(word 2,$(subst =, ,$(e))))
GEN_SRC  := $(B)/gen/embedded.c

OBJ      := $(LIB_SRC:%.c=$(B)/obj/%.o) $(B)/obj/gen/embedded.o
MAIN_OBJ := $(B)/obj/src/main.o
TESTS    := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

.PHONY: all run check unit-tests cli-tests tui-tests crash-tests asan-tests install uninstall clean dist \
        deb static package-check install-tests \
        deps deps-build man-check man-keys fuzz fuzz-run bench
all: $(BIN)

$(BIN): $(OBJ) $(MAIN_OBJ)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(ALL_LIBS)

$(B)/obj/%.o: %.c
	$(call say,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/obj/gen/embedded.o: $(GEN_SRC)
	$(call say,CC,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-variable-declarations -c -o $@ $<

$(GEN_SRC): $(B)/embed $(EMBED_IN)
	$(call say,EMBED,$@)
	@mkdir -p $(dir $@)
	$(Q)$(B)/embed $@ $(EMBED)

$(B)/embed: tools/embed.c
	@mkdir -p $(B)
	$(Q)$(CC) -std=c11 -O2 -o $@ $<

# ---- running ---------------------------------------------------------------
deps:
	@tools/deps.sh all
deps-build:
	@tools/deps.sh build

# The full-screen program on the default database (the status when the
# output is not a terminal).
run: deps-build
	@$(MAKE) --no-print-directory all
	./ntm

# ---- tests -----------------------------------------------------------------
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null) $(LAZY_LIBS)

$(B)/tests/%: tests/unit/%.c $(OBJ)
	$(call say,TEST,$@)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(OBJ) $(ALL_LIBS) $(TEST_LIBS)

unit-tests: $(TESTS:%=$(B)/tests/%)
	@set -e; for t in $(TESTS); do $(B)/tests/$$t; done

cli-tests: $(BIN)
	@NTM=$(CURDIR)/$(BIN) tests/cli/run.sh

# The full-screen program driven through tmux (send-keys, capture-pane).
tui-tests: $(BIN)
	@NTM=$(CURDIR)/$(BIN) tests/tui/run.sh

# kill -9 during writes, then every acknowledged write must be there
# (NTM_CRASH_ROUNDS=500 make crash-tests for a long run by hand).
NTM_CRASH_ROUNDS ?= 5
crash-tests: $(BIN)
	@NTM=$(CURDIR)/$(BIN) tests/crash/crashloop.sh $(NTM_CRASH_ROUNDS)

# The same unit tests built by clang with AddressSanitizer and UBSan.
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=all
ASAN_MAKE  = $(MAKE) --no-print-directory CC=$(CLANG) CFLAGS="$(ASAN_FLAGS)" \
             LDFLAGS="$(ASAN_FLAGS)" B=build/asan BIN=build/asan/ntm
asan-tests:
	@echo "== unit and command-line tests under AddressSanitizer + UBSan =="
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	   $(ASAN_MAKE) unit-tests cli-tests

# ---- fuzzing (libFuzzer, clang) --------------------------------------------
# make fuzz runs every target for FUZZ_SECONDS each, after replaying the
# inputs that once crashed it (tests/fuzz/crashes/NAME/).
FUZZ_SECONDS ?= 10
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_FLAGS   := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_MAKE     = $(MAKE) --no-print-directory CC=$(CLANG) \
                CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" \
                LDFLAGS="$(FUZZ_FLAGS)" B=build/fuzz BIN=build/fuzz/ntm

$(B)/fuzzers/%: tests/fuzz/%.c $(OBJ)
	$(call say,FUZZER,$@)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(OBJ) $(ALL_LIBS)

fuzz-run: $(FUZZ_TARGETS:%=$(B)/fuzzers/%)
	@set -e; for t in $(FUZZ_TARGETS); do \
	   name=$${t#fuzz_}; mkdir -p $(B)/corpus/$$name; \
	   if ls tests/fuzz/crashes/$$name/* >/dev/null 2>&1; then \
	     $(B)/fuzzers/$$t tests/fuzz/crashes/$$name/* 2>&1 | tail -1; fi; \
	   printf '  FUZZ   %s (%ss)\n' $$name $(FUZZ_SECONDS); \
	   $(B)/fuzzers/$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	     -artifact_prefix=$(B)/crash-$$name- -rss_limit_mb=1024 \
	     $(B)/corpus/$$name tests/fuzz/seeds/$$name 2>&1 \
	     | grep -E 'stat::number_of_executed_units|ERROR|SUMMARY' || true; \
	   test ! -e "$$(ls $(B)/crash-$$name-* 2>/dev/null | head -1)"; \
	 done
fuzz:
	@$(FUZZ_MAKE) fuzz-run

# ---- benchmarks ----------------------------------------------------------------
$(B)/bench/%: tests/bench/%.c $(OBJ)
	$(call say,BENCH,$@)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -O2 -o $@ $< $(OBJ) $(ALL_LIBS)

bench: $(patsubst tests/bench/%.c,$(B)/bench/%,$(wildcard tests/bench/bench_*.c))
	@for b in $^; do $$b; done

# Regenerates the help golden file and the man page's KEYS section from the
# action table (src/tui/actions.h).
man-keys: $(B)/tests/test_tui
	@NTM_UPDATE_GOLDEN=1 $(B)/tests/test_tui >/dev/null

MAN_PAGES := man/ntm.1 man/ntm-plan.5 man/ntm-criteria.5

man-check:
	@for m in $(MAN_PAGES); do \
	   out=$$(groff -man -k -Tutf8 -ww -z $$m 2>&1); \
	   if [ -n "$$out" ]; then echo "$$m: $$out"; exit 1; fi; \
	   echo "$$m: không có cảnh báo (no warnings)"; done

check: deps
	@$(MAKE) --no-print-directory unit-tests man-check install-tests
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=3
	@$(MAKE) --no-print-directory tui-tests
	@$(MAKE) --no-print-directory cli-tests
	@$(MAKE) --no-print-directory crash-tests
	@$(MAKE) --no-print-directory asan-tests

# ---- install ---------------------------------------------------------------
build/ntm.1 build/ntm-plan.5 build/ntm-criteria.5: build/%: man/%
	@mkdir -p build
	$(Q)sed -e 's/@VERSION@/$(VERSION)/g' -e 's/@SCHEMA@/$(SCHEMA)/g' $< > $@

install: $(BIN) build/ntm.1 build/ntm-plan.5 build/ntm-criteria.5
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	           $(DESTDIR)$(COMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/ntm
	install -m 644 build/ntm.1 $(DESTDIR)$(MANDIR)/man1/ntm.1
	install -m 644 build/ntm-plan.5 $(DESTDIR)$(MANDIR)/man5/ntm-plan.5
	install -m 644 build/ntm-criteria.5 $(DESTDIR)$(MANDIR)/man5/ntm-criteria.5
	install -m 644 share/bash-completion/completions/ntm $(DESTDIR)$(COMPDIR)/ntm

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ntm $(DESTDIR)$(MANDIR)/man1/ntm.1 \
	      $(DESTDIR)$(MANDIR)/man5/ntm-plan.5 $(DESTDIR)$(MANDIR)/man5/ntm-criteria.5 \
	      $(DESTDIR)$(COMPDIR)/ntm

# ntm-VERSION.tar.gz: the sources git tracks, as committed (HEAD), in a
# folder ntm-VERSION that builds with make after unpacking.
dist:
	@git rev-parse --verify -q HEAD >/dev/null || { \
	   echo "make dist: cần một bản git của mã nguồn (needs a git checkout)" >&2; exit 1; }
	$(Q)git archive --format=tar.gz --prefix=ntm-$(VERSION)/ -o ntm-$(VERSION).tar.gz HEAD
	@echo "Đã ghi ntm-$(VERSION).tar.gz"

# ---- packages for offline laptops (README: the offline laptop) -----------
# make deb: ./ntm_VERSION_ARCH.deb (tools/mkdeb.sh). The libraries ntm
# opens with dlopen are named by their headers, in one place.
LAZY_SONAMES = $(shell sed -n 's/^\#define IO_[A-Z]*_SONAME *"\(.*\)"/\1/p' \
                 src/io/lazy_xlsx.h src/io/lazy_zip.h)
# The package's binary is built with Debian's hardening flags.
DEB_MAKE = export DEB_BUILD_MAINT_OPTIONS=hardening=+all; $(MAKE) --no-print-directory \
           B=build/deb-obj BIN=build/deb-obj/ntm \
           CFLAGS="$$(dpkg-buildflags --get CFLAGS) $$(dpkg-buildflags --get CPPFLAGS)" \
           LDFLAGS="$$(dpkg-buildflags --get LDFLAGS)"
deb:
	@$(DEB_MAKE) all
	@tools/mkdeb.sh $(VERSION) '$(DEB_MAKE)' $(LAZY_SONAMES)

# make static: ./ntm-static, linked with -static against Debian's static
# libraries, without libxlsxwriter and libzip (xlsx and docx are refused
# with a reason). ld warns that sqlite's extension loader calls dlopen:
# ntm never loads an extension.
STATIC_CFLAGS := -O2 -DNTM_STATIC -DNTM_NO_OFFICE_LIBS
static:
	@$(MAKE) --no-print-directory B=build/static BIN=ntm-static \
	   CFLAGS="$(STATIC_CFLAGS)" LDFLAGS="-static -s" PKG_STATIC=--static all
	@sha256sum ntm-static > ntm-static.sha256
	@echo "Đã ghi ntm-static và ntm-static.sha256 (mã kiểm tra: sha256sum -c ntm-static.sha256)"
	@cat ntm-static.sha256

# Builds both, runs lintian, installs the .deb into a scratch root and
# runs it, and runs the static binary in a chroot holding nothing else.
package-check: deb static
	@NTM_VERSION=$(VERSION) NTM_SCHEMA=$(SCHEMA) \
	   tools/package-check.sh ntm_$(VERSION)_$(shell dpkg --print-architecture).deb ntm-static

# make install DESTDIR=…, make uninstall and make dist, unpacked and built.
install-tests: ntm
	@NTM_VERSION=$(VERSION) NTM_SCHEMA=$(SCHEMA) tests/pkg/run.sh

clean:
	rm -rf build ntm ntm-static ntm-static.sha256 ntm_*.deb ntm_*.deb.sha256 ntm-*.tar.gz

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)
