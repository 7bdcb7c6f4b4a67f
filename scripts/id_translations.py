"""Indonesian translations of Neraca's messages; `python scripts/update_catalog.py` merges them into the .po."""
ID = {
    "Email": "Email", "Password": "Kata sandi", "Scorecard name": "Nama scorecard",
    "Version (e.g. the year)": "Versi (mis. tahun)", "New version label": "Label versi baru", "Code": "Kode",
    "Kind": "Jenis", "Perspective": "Perspektif", "Objective": "Sasaran strategis", "KPI": "IKU",
    "Parent code": "Kode induk", "Name": "Nama", "Unit": "Satuan", "Better when": "Lebih baik bila",
    "higher": "lebih tinggi", "lower": "lebih rendah", "Description": "Deskripsi", "Formula": "Rumus",
    "Data source": "Sumber data", "Measured by": "Diukur oleh", "CSV or XLSX file": "Berkas CSV atau XLSX",
    "Upload a .csv or .xlsx file.": "Unggah berkas .csv atau .xlsx.", "Role": "Jabatan",
    "Stakeholder": "Pemangku kepentingan", "Employee": "Pegawai", "Weight in the group": "Bobot dalam kelompok",
    "Title": "Judul", "Scorecard version": "Versi scorecard", "Period": "Periode", "Opens": "Dibuka",
    "Closes": "Ditutup", "Language": "Bahasa", "CR threshold": "Batas CR", "Random index table": "Tabel indeks acak",
    "Re-asks at most": "Paling banyak ditanya ulang", "Aggregation": "Agregasi",
    "Geometric mean of judgments (AIJ)": "Rata-rata geometrik penilaian (AIJ)",
    "Mean of individual priorities (AIP)": "Rata-rata prioritas individu (AIP)",
    "Count respondents who stayed inconsistent": "Hitung responden yang tetap tidak konsisten",
    "Allow \"don't know\"": "Izinkan \"tidak tahu\"", "Ask role and years of service": "Tanyakan jabatan dan masa kerja",
    "The round must close after it opens.": "Putaran harus ditutup setelah dibuka.",
    "Your position": "Jabatan Anda", "Years of service": "Masa kerja (tahun)", "Don't know": "Tidak tahu",
    "Choose a value for this pair.": "Pilih nilai untuk pasangan ini.",
    "If you keep your answers, why?": "Jika Anda mempertahankan jawaban, apa alasannya?",
    "Too many failed sign-ins. Try again after %(minutes)d min.":
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah %(minutes)d menit.",
    "Wrong email or password.": "Email atau kata sandi salah.", "Added %(code)s.": "%(code)s ditambahkan.",
    "Imported %(count)d rows.": "%(count)d baris diimpor.",
    "Imported %(count)d people.": "%(count)d orang diimpor.",
    "Choose at least one person to invite.": "Pilih setidaknya satu orang untuk diundang.",
    "%(count)d invitations queued.": "%(count)d undangan masuk antrean.",
    "%(count)d reminders queued.": "%(count)d pengingat masuk antrean.",
    "Weights published to the scorecard.": "Bobot diterbitkan ke scorecard.",
    "Equally important": "Sama penting", "Slightly more important": "Sedikit lebih penting",
    "More important": "Lebih penting", "Much more important": "Jauh lebih penting",
    "Absolutely more important": "Mutlak lebih penting", "In between the neighbouring values": "Nilai di antara dua nilai di sebelahnya",
    "Reminder: %(title)s": "Pengingat: %(title)s", "Invitation: %(title)s": "Undangan: %(title)s",
    "Dear %(name)s,": "Yth. %(name)s,",
    'You are invited to weigh the performance scorecard in the survey "%(title)s". Your personal link is:':
        'Anda diundang untuk memberi bobot pada scorecard kinerja dalam survei "%(title)s". Tautan pribadi Anda:',
    "The link is yours alone: please do not forward it. You can stop at any time and continue later with the same link.":
        "Tautan ini khusus untuk Anda: mohon tidak diteruskan. Anda dapat berhenti kapan saja dan melanjutkan nanti dengan tautan yang sama.",
    "Thank you.": "Terima kasih.", "Dashboard": "Dasbor", "People": "Orang", "Outbox": "Kotak keluar",
    "Sign out": "Keluar", "Sign in for HR and administrators": "Masuk untuk SDM dan administrator",
    "Stakeholders and employees: open the personal link from your invitation email.":
        "Pemangku kepentingan dan pegawai: buka tautan pribadi dari email undangan Anda.",
    "Sign in": "Masuk", "Page not found": "Halaman tidak ditemukan",
    "This address does not exist. If you followed a survey link, check that you copied all of it from your email.":
        "Alamat ini tidak ada. Jika Anda membuka tautan survei, pastikan seluruh tautan dari email tersalin.",
    "Survey rounds": "Putaran survei", "Round": "Putaran", "Status": "Status", "Responses": "Tanggapan",
    "open": "terbuka", "closed": "ditutup", "No rounds yet.": "Belum ada putaran.",
    "New weighting round": "Putaran pembobotan baru", "Scorecards": "Scorecard", "weights published": "bobot diterbitkan",
    "No scorecards yet.": "Belum ada scorecard.", "New scorecard": "Scorecard baru",
    "Every email Neraca sends. Personal links are put into a message only when it is sent, so they are hidden here; "
    "HR copies a person's link from the round's page.":
        "Semua email yang dikirim Neraca. Tautan pribadi baru dimasukkan ke pesan saat pesan dikirim, sehingga di sini "
        "disembunyikan; HR dapat menyalin tautan seseorang dari halaman putaran.",
    "No messages.": "Tidak ada pesan.", "Weight": "Bobot", "Nobody yet.": "Belum ada orang.",
    "Add a person": "Tambah orang", "Add": "Tambah", "Import people": "Impor daftar orang",
    "Columns: name, email; optional: unit, role, kind (stakeholder or employee), weight. Nothing is imported if any row is wrong.":
        "Kolom: name, email; opsional: unit, role, kind (stakeholder atau employee), weight. Tidak ada yang diimpor bila ada baris yang salah.",
    "Import": "Impor", "Results": "Hasil", "Method": "Metode",
    "geometric mean of judgments (AIJ)": "rata-rata geometrik penilaian (AIJ)",
    "mean of individual priorities (AIP)": "rata-rata prioritas individu (AIP)",
    "principal eigenvector": "vektor eigen utama",
    "Respondents who stayed inconsistent are counted.": "Responden yang tetap tidak konsisten ikut dihitung.",
    "Respondents who stayed inconsistent are left out.": "Responden yang tetap tidak konsisten tidak dihitung.",
    "Perspectives": "Perspektif", "No finished answers yet.": "Belum ada jawaban yang selesai.",
    "consensus": "konsensus", "respondents": "responden", "left out": "tidak dihitung",
    "Global weights": "Bobot global", "Element": "Elemen", "Local": "Lokal", "Global": "Global",
    "With everyone": "Dengan semua responden", "Without inconsistent respondents": "Tanpa responden yang tidak konsisten",
    "Publish these weights to the scorecard": "Terbitkan bobot ini ke scorecard", "re-asks at most": "tanya ulang paling banyak",
    "Progress": "Kemajuan", "Completed": "Selesai", "Opened the link": "Sudah membuka tautan",
    "queued": "antre", "sent": "terkirim", "kept in the outbox": "disimpan di kotak keluar", "failed": "gagal",
    "Retry failed emails": "Kirim ulang email yang gagal", "Participants": "Peserta", "CR per cluster": "CR per kelompok",
    "Re-asks": "Tanya ulang", "invited": "diundang", "opened": "dibuka", "answering": "sedang mengisi",
    "completed": "selesai", "kept inconsistent": "tetap tidak konsisten", "Nobody invited yet.": "Belum ada yang diundang.",
    "Invite": "Undang", "Send invitations": "Kirim undangan", "Everyone on the people list is invited.": "Semua orang dalam daftar sudah diundang.",
    "Remind everyone who has not finished": "Ingatkan semua yang belum selesai", "Close the round": "Tutup putaran",
    "Create the round": "Buat putaran", "Create": "Buat", "Local weight": "Bobot lokal", "Global weight": "Bobot global",
    "Empty: add elements below or import a table.": "Kosong: tambah elemen di bawah atau impor tabel.",
    "Export XLSX": "Ekspor XLSX", "Export CSV": "Ekspor CSV", "Add an element": "Tambah elemen", "Import a table": "Impor tabel",
    "Columns: code, kind (perspective, objective, kpi), parent, name; optional: description, purpose, unit, formula, better, data_source, measured_by, measurement_frequency, review_frequency. Nothing is imported if any row is wrong.":
        "Kolom: code, kind (perspective, objective, kpi), parent, name; opsional: description, purpose, unit, formula, better, data_source, measured_by, measurement_frequency, review_frequency. Tidak ada yang diimpor bila ada baris yang salah.",
    "Revise for a new year": "Revisi untuk tahun baru", "Copy this version": "Salin versi ini",
    "%(a)s is %(v)s times as important as %(b)s": "%(a)s %(v)s kali lebih penting daripada %(b)s",
    "%(b)s is %(v)s times as important as %(a)s": "%(b)s %(v)s kali lebih penting daripada %(a)s",
    "equally important": "sama penting",
    "This survey is closed: answers are no longer accepted. Thank you for your interest.":
        "Survei ini sudah ditutup: jawaban tidak lagi diterima. Terima kasih atas perhatian Anda.",
    "Page %(n)d of %(total)d": "Halaman %(n)d dari %(total)d",
    "Which is more important, and by how much?": "Mana yang lebih penting, dan seberapa besar?",
    "Some pairs need an answer: see the marked ones below.": "Beberapa pasangan belum dijawab: lihat yang ditandai di bawah.",
    "Save and continue": "Simpan dan lanjutkan", "Thank you": "Terima kasih",
    "Your answers are saved. This is what they say, page by page:": "Jawaban Anda tersimpan. Inilah artinya, halaman demi halaman:",
    "You can still change your answers with the same link until the round closes.":
        "Anda masih dapat mengubah jawaban dengan tautan yang sama sampai putaran ditutup.",
    "Please check these answers": "Mohon periksa jawaban berikut",
    "Some of your answers on this page do not agree with each other (consistency ratio %(cr)s, the limit is %(limit)s). These are the answers that disagree most with the rest.":
        "Beberapa jawaban Anda di halaman ini tidak saling sesuai (rasio konsistensi %(cr)s, batasnya %(limit)s). Berikut jawaban yang paling tidak sesuai dengan jawaban lainnya.",
    "Check %(n)d of at most %(max)d.": "Pemeriksaan ke-%(n)d dari paling banyak %(max)d.",
    "Your other answers suggest: %(a)s is about %(v)s times as important as %(b)s.":
        "Jawaban Anda yang lain menunjukkan: %(a)s sekitar %(v)s kali lebih penting daripada %(b)s.",
    "Your other answers suggest: %(b)s is about %(v)s times as important as %(a)s.":
        "Jawaban Anda yang lain menunjukkan: %(b)s sekitar %(v)s kali lebih penting daripada %(a)s.",
    "Your other answers suggest: %(a)s and %(b)s are about equally important.":
        "Jawaban Anda yang lain menunjukkan: %(a)s dan %(b)s kira-kira sama penting.",
    "Choosing it would bring the consistency ratio to %(cr)s.": "Bila memilihnya, rasio konsistensi menjadi %(cr)s.",
    "You are asked to compare the elements of the performance scorecard two at a time: which of the two is more important for the office, and by how much?":
        "Anda diminta membandingkan elemen scorecard kinerja dua per dua: mana yang lebih penting bagi kantor, dan seberapa besar?",
    "Each pair is shown on a two-sided scale. Choose a number on the side of the more important element; choose 1 when both are equally important.":
        "Setiap pasangan ditampilkan pada skala dua sisi. Pilih angka di sisi elemen yang lebih penting; pilih 1 bila keduanya sama penting.",
    "Value": "Nilai", "Meaning": "Arti",
    "After each page the answers are checked for consistency. If some answers contradict the others, you will be shown them once more, with the value your other answers suggest; you may change them or keep them.":
        "Setiap halaman diperiksa konsistensinya. Bila ada jawaban yang bertentangan dengan jawaban lain, jawaban itu ditampilkan sekali lagi beserta nilai yang ditunjukkan jawaban Anda yang lain; Anda boleh mengubah atau mempertahankannya.",
    "Your answers are saved page by page: you can stop and come back later with the same link.":
        "Jawaban disimpan per halaman: Anda dapat berhenti dan kembali nanti dengan tautan yang sama.",
    "row geometric mean": "rata-rata geometrik baris", "approximate method": "metode pendekatan",
    "global weights published to %(n)d decimals": "bobot global diterbitkan dengan %(n)d desimal",
    "Priorities": "Prioritas", "Principal eigenvector (standard)": "Vektor eigen utama (standar)",
    "Row geometric mean": "Rata-rata geometrik baris",
    "Approximate (normalised columns, row averages)": "Pendekatan (kolom dinormalkan, rata-rata baris)",
    "Round published global weights to decimals": "Bulatkan bobot global yang diterbitkan (jumlah desimal)",
    "Target": "Target", "Actual": "Realisasi", "Note (why it changed)": "Catatan (alasan perubahan)",
    "Anchors (level: value; ...), e.g. 0: 50; 3: 70; 10: 100": "Jangkar (level: nilai; ...), mis. 0: 50; 3: 70; 10: 100",
    "Write anchors as level: value pairs separated by ';', e.g. 0: 50; 3: 70; 10: 100.":
        "Tulis jangkar sebagai pasangan level: nilai dipisah ';', mis. 0: 50; 3: 70; 10: 100.",
    "Root cause": "Akar masalah", "Recommended action": "Tindakan yang disarankan", "Saved.": "Tersimpan.",
    "Scorecard": "Scorecard", "red": "merah", "yellow": "kuning", "green": "hijau", "no data": "tanpa data",
    "Performance index": "Indeks kinerja", "against the previous period": "dibanding periode sebelumnya",
    "Subtotal": "Subtotal", "Trend": "Tren", "Objective Matrix": "Objective Matrix (OMAX)", "Performance": "Kinerja",
    "Level": "Level", "Light": "Lampu", "Red and yellow KPIs": "IKU merah dan kuning", "Edit": "Ubah", "Save": "Simpan",
    "Every KPI is green.": "Semua IKU hijau.", "Performance data": "Data kinerja", "scorecard": "scorecard",
    "no data yet": "belum ada data", "Ladder": "Tangga skor", "Entered": "Dimasukkan oleh", "automatic": "otomatis",
    "Enter a target or actual": "Masukkan target atau realisasi",
    "A new entry never erases the old one: the newest counts and the history is kept.":
        "Entri baru tidak menghapus yang lama: yang terbaru berlaku dan riwayatnya disimpan.",
    "Set a ladder": "Atur tangga skor",
    "Level 10 holds the target, level 3 the baseline, level 0 the worst value. Without a ladder, Neraca builds one from this period's target, last period's actual and the worst actual seen.":
        "Level 10 berisi target, level 3 nilai dasar, level 0 nilai terburuk. Tanpa tangga skor, Neraca menyusunnya dari target periode ini, realisasi periode lalu, dan realisasi terburuk yang pernah ada.",
    "Measurements: columns kpi, period, target, actual (other columns are inputs of formula KPIs). Ladders: columns kpi, period and 0 ... 10 for the anchored levels. Nothing is imported if any row is wrong.":
        "Pengukuran: kolom kpi, period, target, actual (kolom lain adalah masukan IKU berumus). Tangga skor: kolom kpi, period dan 0 ... 10 untuk level jangkar. Tidak ada yang diimpor bila ada baris yang salah.",
    "Performance data and scorecards": "Data kinerja dan scorecard",
    "Kind of round": "Jenis putaran", "Weighting (pairwise comparisons)": "Pembobotan (perbandingan berpasangan)",
    "Employee self-report": "Laporan mandiri pegawai", "Validation of the scorecard": "Validasi scorecard",
    "Satisfaction (Likert)": "Kepuasan (Likert)", "Personal scorecard levels": "Level scorecard pribadi",
    "Fractional": "Pecahan", "Whole, rounded half up": "Bulat, dibulatkan setengah ke atas",
    "Whole, rounded down": "Bulat, dibulatkan ke bawah", "Whole, rounded up": "Bulat, dibulatkan ke atas",
    "Number": "Angka", "Choice over ranges": "Pilihan rentang", "Likert 1-5": "Likert 1-5", "Yes / no": "Ya / tidak",
    "Overall verdict": "Kesimpulan menyeluruh", "Question": "Pertanyaan", "KPI or element code": "Kode IKU atau elemen",
    "Minimum": "Minimum", "Maximum": "Maksimum", "Options (label = value; ...)": "Pilihan (label = nilai; ...)",
    "Corrected answer": "Jawaban yang dikoreksi", "Reason": "Alasan", "KPI code": "Kode IKU", "Yes": "Ya", "No": "Tidak",
    "%(count)d questions created from the scorecard.": "%(count)d pertanyaan dibuat dari scorecard.",
    "Answer this question.": "Jawab pertanyaan ini.", "Enter a number.": "Masukkan angka.",
    "The answer is outside the allowed range.": "Jawaban di luar rentang yang diizinkan.",
    "Choose one of the options.": "Pilih salah satu pilihan.", "Ranking": "Peringkat",
    "No weights are published for this scorecard: every KPI weighs the same.":
        "Belum ada bobot yang diterbitkan untuk scorecard ini: setiap IKU berbobot sama.",
    "Rank": "Peringkat", "Total": "Total", "Class": "Kelas", "Achievement": "Capaian",
    "Correct an answer": "Koreksi jawaban", "Relevance": "Relevansi", "Relevant": "Relevan", "Verdicts": "Kesimpulan",
    "valid": "valid", "not valid": "tidak valid", "None yet.": "Belum ada.", "Satisfaction": "Kepuasan",
    "Item": "Butir", "Mean (1-5)": "Rata-rata (1-5)", "Overall": "Keseluruhan",
    "Use the overall score as a KPI's actual for a period:": "Gunakan skor keseluruhan sebagai realisasi IKU untuk satu periode:",
    "Save as KPI performance": "Simpan sebagai kinerja IKU", "Questions": "Pertanyaan", "No questions yet.": "Belum ada pertanyaan.",
    "Create the questions from the scorecard": "Buat pertanyaan dari scorecard", "Add a question": "Tambah pertanyaan",
    "Your answers are saved:": "Jawaban Anda tersimpan:", "Change my answers": "Ubah jawaban saya",
    "Some answers need attention: see the marked ones below.": "Beberapa jawaban perlu diperbaiki: lihat yang ditandai di bawah.",
    "very dissatisfied": "sangat tidak puas", "very satisfied": "sangat puas",
    "New survey round": "Putaran survei baru",
    'You are invited to fill in the questionnaire "%(title)s". Your personal link is:':
        'Anda diundang untuk mengisi kuesioner "%(title)s". Tautan pribadi Anda:',
    "Inputs of a formula KPI (name = value; ...)": "Masukan IKU berumus (nama = nilai; ...)",
    "Write inputs as name = value pairs separated by ';', e.g. trained = 12; staff = 16.":
        "Tulis masukan sebagai pasangan nama = nilai dipisah ';', mis. trained = 12; staff = 16.",
    "This report cannot be made yet": "Laporan ini belum dapat dibuat", "Print": "Cetak", "Export": "Ekspor",
    "raw judgments": "penilaian mentah", "group matrices": "matriks kelompok", "weights": "bobot", "Printed": "Dicetak",
    "Page": "Halaman", "Performance scorecard": "Scorecard kinerja", "Subtotal per perspective": "Subtotal per perspektif",
    "Lights": "Lampu", "Index over the periods": "Indeks dari periode ke periode", "Personal scorecards": "Scorecard pribadi",
    "Weighting report": "Laporan pembobotan", "Respondents": "Responden",
    "Stayed inconsistent after re-asking": "Tetap tidak konsisten setelah ditanya ulang", "Re-asked": "Ditanya ulang",
    "Local and global weights": "Bobot lokal dan global",
    "Report": "Laporan", "Waiting to start": "Menunggu dimulai", "Being made": "Sedang dibuat", "Ready": "Siap",
    "Failed": "Gagal", "Download the PDF": "Unduh PDF",
    "Make all personal scorecards in the background": "Buat semua scorecard pribadi di latar belakang",
    "Employee %(n)d of %(total)d": "Pegawai %(n)d dari %(total)d",
    "Your answers so far agree with each other (consistency ratio %(cr)s).":
        "Jawaban Anda sejauh ini saling sesuai (rasio konsistensi %(cr)s).",
    "Some answers contradict each other (consistency ratio %(cr)s): you may look again before saving.":
        "Beberapa jawaban saling bertentangan (rasio konsistensi %(cr)s): Anda dapat memeriksanya lagi sebelum menyimpan.",
    "Other systems read scorecards, rounds and results and add participants through the JSON API described at":
        "Sistem lain membaca scorecard, putaran dan hasil serta menambah peserta melalui API JSON yang dijelaskan di",
    "Copy this token now; it is not shown again:": "Salin token ini sekarang; token tidak ditampilkan lagi:",
    "Made": "Dibuat", "revoked": "dicabut", "Revoke": "Cabut", "No tokens yet.": "Belum ada token.",
    "Make a token": "Buat token", "Revoked.": "Dicabut.",
    "About you": "Tentang Anda", "Continue": "Lanjutkan", "Start": "Mulai",
    "This round asks for a value for every pair.": "Putaran ini meminta nilai untuk setiap pasangan.",
    "Choose a value on the 1-9 scale.": "Pilih nilai pada skala 1-9.",
    "The form does not match this page; reload it.": "Formulir tidak sesuai dengan halaman ini; muat ulang halaman.",
    "You kept your answers: please say why, in a few words.": "Anda mempertahankan jawaban: mohon tuliskan alasannya secara singkat.",
    "This round is closed: answers are no longer accepted.": "Putaran ini sudah ditutup: jawaban tidak lagi diterima.",
    "The form has expired; reload the page.": "Formulir sudah kedaluwarsa; muat ulang halaman.",
    "This version is used by a survey round and cannot change; copy it to revise it.":
        "Versi ini dipakai oleh putaran survei dan tidak dapat diubah; salin untuk merevisinya.",
    "This page was just saved from another window; reload it.":
        "Halaman ini baru saja disimpan dari jendela lain; muat ulang halaman.",
    "Try again": "Coba lagi",
    "Please try again in a moment": "Silakan coba lagi sebentar lagi",
    "The database did not answer just now, so this page was not saved. Your earlier answers are safe: go back and send the page again in a few seconds.":
        "Basis data tidak menjawab barusan, jadi halaman ini belum tersimpan. Jawaban Anda sebelumnya aman: "
        "kembali dan kirim halaman itu lagi beberapa detik lagi.",
    "Reports made in the background": "Laporan yang dibuat di latar belakang",
    "Asked by": "Diminta oleh",
    # Messages of the services (field, row and page errors), some with values put back after translation.
    "An organisation needs a name.": "Organisasi perlu nama.",
    "Enter a valid email address.": "Masukkan alamat email yang benar.",
    "Role must be one of %(roles)s.": "Peran harus salah satu dari %(roles)s.",
    "Use at least 10 characters.": "Gunakan paling sedikit 10 karakter.",
    "A user with this email already exists.": "Pengguna dengan email ini sudah ada.",
    "Name the token after the system that will use it.": "Beri nama token sesuai sistem yang akan memakainya.",
    "No such token.": "Token tidak ditemukan.",
    "%(field)s: at most %(limit)s characters.": "%(field)s: paling banyak %(limit)s karakter.",
    "Personal scorecards come from self-report rounds.": "Scorecard pribadi berasal dari putaran laporan mandiri.",
    "Name is required.": "Nama wajib diisi.",
    "'%(email)s' is not an email address.": "'%(email)s' bukan alamat email.",
    "%(email)s is already on the list.": "%(email)s sudah ada dalam daftar.",
    "Kind must be %(kinds)s.": "Jenis harus %(kinds)s.",
    "Weight '%(weight)s' must be a positive number.": "Bobot '%(weight)s' harus berupa bilangan positif.",
    "Give target/actual columns for measurements, or level columns 0 ... 10 for ladders.":
        "Sertakan kolom target/actual untuk pengukuran, atau kolom level 0 ... 10 untuk skala.",
    "level %(level)s": "level %(level)s",
    "'%(kpi)s' is not a KPI code of this scorecard.": "'%(kpi)s' bukan kode IKU pada scorecard ini.",
    "Give the period, e.g. 2010.": "Isi periodenya, mis. 2010.",
    "%(kpi)s is not a KPI of this scorecard.": "%(kpi)s bukan IKU pada scorecard ini.",
    "Publish the weights of a round to this scorecard first.":
        "Terbitkan dulu bobot dari sebuah putaran ke scorecard ini.",
    "No data for period %(period)s.": "Tidak ada data untuk periode %(period)s.",
    "No KPI of period %(period)s can be scored yet.": "Belum ada IKU periode %(period)s yang dapat dinilai.",
    "Give a target, an actual or the formula's inputs.": "Isi target, realisasi, atau masukan rumusnya.",
    "%(name)s '%(value)s' is not a number.": "%(name)s '%(value)s' bukan angka.",
    "%(name)s must be a finite number.": "%(name)s harus berupa angka terhingga.",
    "no data for this period": "tidak ada data untuk periode ini",
    "no actual value": "tidak ada nilai realisasi",
    "no ladder: set one, or enter this period's target and last period's actual":
        "tidak ada skala: tetapkan skala, atau isi target periode ini dan realisasi periode lalu",
    "no ladder:": "tidak ada skala:",
    "Kind must be one of %(kinds)s.": "Jenis harus salah satu dari %(kinds)s.",
    "Write the question.": "Tuliskan pertanyaannya.",
    "%(kpi)s is not in this round's scorecard.": "%(kpi)s tidak ada dalam scorecard putaran ini.",
    "The maximum must be above the minimum.": "Nilai maksimum harus di atas nilai minimum.",
    "Write options as 'label = value' separated by ';', e.g. 0-10 minutes = 5; 11-20 minutes = 15.":
        "Tulis pilihan sebagai 'label = nilai' dipisahkan ';', mis. 0-10 menit = 5; 11-20 menit = 15.",
    "People have answered already: the questionnaire can no longer change.":
        "Sudah ada yang menjawab: kuesioner tidak dapat diubah lagi.",
    "This round has questions already.": "Putaran ini sudah memiliki pertanyaan.",
    "A weighting round asks pairwise comparisons, not questions.":
        "Putaran pembobotan menanyakan perbandingan berpasangan, bukan pertanyaan.",
    "No such answer in this round.": "Jawaban itu tidak ada dalam putaran ini.",
    "Say why the answer is corrected.": "Tuliskan mengapa jawaban dikoreksi.",
    "This round has no questions tied to KPIs.": "Putaran ini tidak memiliki pertanyaan yang terkait dengan IKU.",
    "Nobody has answered yet.": "Belum ada yang menjawab.",
    "%(kpi)s: set a ladder or a target for period %(period)s.":
        "%(kpi)s: tetapkan skala atau target untuk periode %(period)s.",
    "Every cluster needs at least one finished respondent before weights can be published.":
        "Setiap klaster memerlukan paling sedikit satu responden yang selesai sebelum bobot dapat diterbitkan.",
    "Choose a scorecard version of your organisation.": "Pilih versi scorecard milik organisasi Anda.",
    "Give the round a title.": "Beri judul untuk putaran ini.",
    "Language must be id or en.": "Bahasa harus id atau en.",
    "The CR threshold lies between 0 and 0.3 (0.10 is usual).": "Batas CR antara 0 dan 0,3 (biasanya 0,10).",
    "Random index table must be one of %(tables)s.": "Tabel indeks acak harus salah satu dari %(tables)s.",
    "Re-asks lie between 0 and %(limit)s.": "Tanya ulang antara 0 dan %(limit)s kali.",
    "Aggregation is aij or aip.": "Agregasi adalah aij atau aip.",
    "Levels are fractional, or snapped by one of %(rules)s.":
        "Level berupa pecahan, atau dibulatkan dengan salah satu dari %(rules)s.",
    "Priority method must be one of %(methods)s.": "Metode prioritas harus salah satu dari %(methods)s.",
    "Round published weights to 1-6 decimals, or leave empty for exact weights.":
        "Bulatkan bobot terbit ke 1-6 desimal, atau kosongkan untuk bobot tepat.",
    "This round is closed.": "Putaran ini sudah ditutup.",
    "Some of the chosen people are not in your organisation.": "Sebagian orang yang dipilih tidak ada dalam organisasi Anda.",
    "Give the scorecard a name.": "Beri nama untuk scorecard ini.",
    "Give the version a label, e.g. the year.": "Beri label untuk versi ini, mis. tahunnya.",
    "Give the new version a label, e.g. the year.": "Beri label untuk versi baru, mis. tahunnya.",
    "Code is required.": "Kode wajib diisi.",
    "Code %(code)s is used twice.": "Kode %(code)s dipakai dua kali.",
    "A perspective has no parent.": "Perspektif tidak memiliki induk.",
    "A %(kind)s needs a parent %(expected)s.": "Sebuah %(kind)s memerlukan induk %(expected)s.",
    "Parent %(parent)s is not defined above this row.": "Induk %(parent)s belum didefinisikan di atas baris ini.",
    "The parent of a %(kind)s must be a %(expected)s, %(parent)s is a %(parent_kind)s.":
        "Induk sebuah %(kind)s harus sebuah %(expected)s, %(parent)s adalah %(parent_kind)s.",
    "Direction must be 'higher' or 'lower'.": "Arah harus 'higher' atau 'lower'.",
    "The file could not be read: %(error)s": "Berkas tidak dapat dibaca: %(error)s",
    "Missing column(s): %(columns)s.": "Kolom yang kurang: %(columns)s.",
    "At most %(rows)s rows per file.": "Paling banyak %(rows)s baris per berkas.",
    "%(field)s holds an invisible control character (%(character)s); remove it.":
        "%(field)s memuat karakter kontrol tak terlihat (%(character)s); hapus karakter itu.",
    "The file unpacks to more than %(limit)s MB; split it into smaller files.":
        "Berkas terurai menjadi lebih dari %(limit)s MB; bagi menjadi beberapa berkas yang lebih kecil.",
    "row %(number)s": "baris %(number)s",
    # Errors of the analysis library about a ladder or a formula (analysis.messages.InputError).
    "formula %(formula)r is not a valid expression: %(reason)s": "rumus %(formula)r bukan ekspresi yang sah: %(reason)s",
    "formula %(formula)r calls unknown function(s) %(functions)s; available: %(available)s":
        "rumus %(formula)r memanggil fungsi yang tidak dikenal %(functions)s; yang tersedia: %(available)s",
    "formula %(formula)r uses unknown input(s) %(inputs)s": "rumus %(formula)r memakai masukan yang tidak dikenal %(inputs)s",
    "input %(name)r is missing for the previous period": "masukan %(name)r tidak ada untuk periode sebelumnya",
    "input %(name)r is missing for this period": "masukan %(name)r tidak ada untuk periode ini",
    "division by zero": "pembagian dengan nol",
    "division by zero (%(zeros)s)": "pembagian dengan nol (%(zeros)s)",
    "cannot compute %(formula)r: %(reason)s": "tidak dapat menghitung %(formula)r: %(reason)s",
    "a formula has at most %(limit)s characters": "rumus paling banyak %(limit)s karakter",
    "the exponent %(exponent)s is larger than %(limit)s": "pangkat %(exponent)s lebih besar dari %(limit)s",
    "%(formula)r gives a number too large to compute":
        "%(formula)r menghasilkan angka yang terlalu besar untuk dihitung",
    "cannot be scored:": "tidak dapat dinilai:",
    "%(formula)r gives %(result)r, not a number": "%(formula)r menghasilkan %(result)r, bukan angka",
    "ladder %(anchors)s reverses direction: values must rise (or fall) with the level":
        "skala %(anchors)s berbalik arah: nilai harus naik (atau turun) seiring levelnya",
    "ladder %(anchors)s says %(direction)s is better but better=%(better)r was given":
        "skala %(anchors)s menyatakan %(direction)s lebih baik, tetapi yang diberikan better=%(better)r",
    "ladder %(anchors)s is flat: say better='higher' or 'lower' (it then scores pass/fail)":
        "skala %(anchors)s datar: isi better='higher' atau 'lower' (lalu dinilai lulus/gagal)",
    "give the worst value, or the observed performances to take it from":
        "isi nilai terburuk, atau kinerja yang teramati untuk diambil nilainya",
    "ladder level %(level)r is not a whole number 0..10": "level skala %(level)r bukan bilangan bulat 0..10",
    "ladder value at level %(level)s must be a number, got %(value)r":
        "nilai skala pada level %(level)s harus berupa angka, bukan %(value)r",
    "a ladder needs an anchor at level %(level)s": "skala memerlukan titik acuan pada level %(level)s",
    # Weighting with any answers (issue 13)
    "Give a value here: with \"don't know\" this pair leaves %(names)s compared with none of the others.":
        "Beri nilai di sini: dengan \"tidak tahu\", pasangan ini membuat %(names)s tidak dibandingkan dengan "
        "elemen lain mana pun.",
    "Too many \"don't know\" answers: %(names)s must be compared with at least one other element, directly or "
    "through others. Give a value to one of the marked pairs.":
        "Terlalu banyak jawaban \"tidak tahu\": %(names)s harus dibandingkan dengan paling sedikit satu elemen lain, "
        "langsung atau melalui elemen lain. Beri nilai pada salah satu pasangan yang ditandai.",
    "A %(n)d-element cluster is too large for the %(table)s random index table, which stops at %(largest)d "
    "elements.":
        "Kelompok %(n)d elemen terlalu besar untuk tabel indeks acak %(table)s, yang berhenti pada %(largest)d "
        "elemen.",
    "The %(table)s random index table stops at %(largest)d elements, but %(cluster)s has %(n)d. Choose "
    "alonso_lamata, which extends to any size.":
        "Tabel indeks acak %(table)s berhenti pada %(largest)d elemen, sedangkan %(cluster)s memiliki %(n)d. "
        "Pilih alonso_lamata, yang berlaku untuk ukuran berapa pun.",
    "the perspectives": "kelompok perspektif",
    "%(unusable)d of %(finished)d respondents could not be used on this page: too many \"don't know\".":
        "%(unusable)d dari %(finished)d responden tidak dapat digunakan pada halaman ini: terlalu banyak "
        "\"tidak tahu\".",
    "Not enough answers: the usable answers never compare some element of this page with the others.":
        "Belum cukup jawaban: jawaban yang dapat digunakan tidak pernah membandingkan salah satu elemen halaman ini "
        "dengan elemen lainnya.",
    "very low": "sangat rendah", "low": "rendah", "moderate": "sedang", "high": "tinggi", "very high": "sangat tinggi",
    "relative homogeneity": "homogenitas relatif",
    "Pairs on this page: %(count)d.": "Pasangan di halaman ini: %(count)d.",
    "%(answered)s of %(total)s pairs answered, %(left)s to go.":
        "%(answered)s dari %(total)s pasangan terjawab, %(left)s lagi.",
    # Respondent pages by the round's kind; organisation time zones; answers saved from two windows.
    "This survey does not ask these questions.": "Survei ini tidak menanyakan pertanyaan-pertanyaan ini.",
    "This survey opens on %(when)s. Please come back then with the same link.":
        "Survei ini dibuka pada %(when)s. Silakan kembali pada waktu itu dengan tautan yang sama.",
    "This survey closed on %(when)s: answers are no longer accepted. Thank you for your interest.":
        "Survei ini sudah ditutup pada %(when)s: jawaban tidak lagi diterima. Terima kasih atas perhatian Anda.",
    "This survey closes on %(when)s.": "Survei ini ditutup pada %(when)s.",
    "not open yet": "belum dibuka", "opens": "dibuka", "closes": "ditutup", "Settings": "Pengaturan",
    "Time zone": "Zona waktu",
    "Answers saved from another window while this page was open were replaced by this page's answers: %(questions)s.":
        "Jawaban yang disimpan dari jendela lain selama halaman ini terbuka telah diganti dengan jawaban di halaman "
        "ini: %(questions)s.",
    "Round opening and closing times are entered and shown on this clock. In Indonesia: Asia/Jakarta (WIB), "
    "Asia/Makassar (WITA) or Asia/Jayapura (WIT).":
        "Waktu pembukaan dan penutupan putaran diisi dan ditampilkan menurut jam ini. Di Indonesia: Asia/Jakarta "
        "(WIB), Asia/Makassar (WITA), atau Asia/Jayapura (WIT).",
    "%(name)s is not a time zone: write its IANA name, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA) "
    "or Asia/Jayapura (WIT).":
        "%(name)s bukan zona waktu: tuliskan nama IANA-nya, mis. Asia/Jakarta (WIB), Asia/Makassar (WITA), "
        "atau Asia/Jayapura (WIT).",
    # Numbers typed in the page's language (issue 16)
    "%(text)s is not a number. Write numbers like %(example)s.":
        "%(text)s bukan angka. Tulis angka seperti %(example)s.",
    "%(text)s does not fit how numbers are written here (%(example)s): did you mean %(suggestion)s?":
        "%(text)s tidak sesuai dengan cara penulisan angka di sini (%(example)s): maksud Anda %(suggestion)s?",
    "%(text)s does not fit how numbers are written here. Write numbers like %(example)s.":
        "%(text)s tidak sesuai dengan cara penulisan angka di sini. Tulis angka seperti %(example)s.",
    "%(text)s is too large.": "%(text)s terlalu besar.",
    "Numbers written as text in the file look like": "Angka yang ditulis sebagai teks di berkas berbentuk",
    "%(name)s: %(problem)s": "%(name)s: %(problem)s",
    "Weight: %(problem)s": "Bobot: %(problem)s",
    # A form whose token was refused, and the error pages (errors/http_error.html)
    "Nothing was saved yet: this page had been open too long. What you entered is still here; press the button "
    "again to save it.":
        "Belum ada yang tersimpan: halaman ini terbuka terlalu lama. Isian Anda masih ada di sini; tekan tombolnya "
        "sekali lagi untuk menyimpan.",
    "This form has expired": "Formulir ini sudah kedaluwarsa",
    "Nothing was saved: the form had been open too long, or it did not come from this site. Go back, reload the "
    "page and try again.":
        "Tidak ada yang tersimpan: formulir ini terbuka terlalu lama, atau tidak berasal dari situs ini. Kembali, "
        "muat ulang halaman, lalu coba lagi.",
    "The request could not be read": "Permintaan tidak dapat dibaca",
    "Something in what your browser sent was not right, so nothing was done. Go back, reload the page and try "
    "again.":
        "Ada yang tidak benar dalam data yang dikirim peramban Anda, sehingga tidak ada yang dilakukan. Kembali, "
        "muat ulang halaman, lalu coba lagi.",
    "Not allowed": "Tidak diizinkan",
    "Your account may not open this page or do this.": "Akun Anda tidak boleh membuka halaman ini atau melakukan ini.",
    "Not possible at this address": "Tidak dapat dilakukan di alamat ini",
    "This address does not take this kind of request. Go back and use the links and buttons on the page.":
        "Alamat ini tidak menerima permintaan jenis ini. Kembali dan gunakan tautan serta tombol di halaman.",
    "Too large": "Terlalu besar",
    "What you sent is larger than the site accepts, so nothing was saved. Send a smaller file.":
        "Yang Anda kirim lebih besar daripada yang diterima situs ini, sehingga tidak ada yang tersimpan. "
        "Kirim berkas yang lebih kecil.",
    "Too many attempts": "Terlalu banyak percobaan",
    "Wait a few minutes, then try again.": "Tunggu beberapa menit, lalu coba lagi.",
    "Something went wrong on our side": "Terjadi kesalahan di pihak kami",
    "Nothing was saved from this request. Try again in a moment; if it happens again, tell your administrator.":
        "Tidak ada yang tersimpan dari permintaan ini. Coba lagi sebentar lagi; jika terjadi lagi, beri tahu "
        "administrator Anda.",
    "Something went wrong": "Terjadi kesalahan",
    "Go back and try again.": "Kembali dan coba lagi.",
    "Error %(code)d": "Galat %(code)d",
    "Emails cannot be sent: the site's public address (PUBLIC_URL) is not set, and links in emails are made only "
    "from it. Ask the administrator to set it.":
        "Email tidak dapat dikirim: alamat publik situs (PUBLIC_URL) belum diatur, padahal tautan dalam email hanya "
        "dibuat dari alamat itu. Mintalah administrator untuk mengaturnya.",
    "The address or subject is not valid for an email.": "Alamat atau subjek tidak sah untuk sebuah email.",
    "Not sent yet, tried again automatically:": "Belum terkirim, akan dicoba lagi secara otomatis:",
    "Personal link": "Tautan pribadi",
    # issue 17: honest partial scorecards
    "Provisional: %(scored)d of %(total)d KPIs scored.": "Sementara: %(scored)d dari %(total)d IKU dinilai.",
    "The index adds up the scored KPIs only and gets no light until every weighted KPI is scored.":
        "Indeks hanya menjumlahkan IKU yang sudah dinilai dan belum diberi warna sampai setiap IKU berbobot dinilai.",
    "provisional": "sementara", "What is missing": "Yang belum lengkap", "Missing": "Belum ada", "Fix": "Lengkapi",
    "Details": "Rincian", "target": "target", "actual": "realisasi", "ladder": "tangga skor",
    "No scored KPI is red or yellow.": "Tidak ada IKU yang sudah dinilai berwarna merah atau kuning.",
    # issue 17: charts
    "Index": "Indeks", "Index and perspectives over the periods": "Indeks dan perspektif dari periode ke periode",
    "Level of %(kpi)s over the periods": "Tingkat %(kpi)s dari periode ke periode",
    "Weights of %(page)s": "Bobot %(page)s",
    # issue 17: strategy map
    "Strategy map": "Peta strategi", "Lights of period %(period)s": "Warna periode %(period)s",
    "No performance data yet: the objectives have no light.": "Belum ada data kinerja: sasaran belum diberi warna.",
    "An objective's light is that of the weighted mean level of its scored KPIs. An arrow reads: the first objective drives the second.":
        "Warna sebuah sasaran mengikuti rata-rata tertimbang tingkat IKU-nya yang sudah dinilai. Panah berarti: sasaran pertama mendorong sasaran kedua.",
    "Cause and effect": "Sebab dan akibat", "Remove": "Hapus", "No arrows yet.": "Belum ada panah.",
    "Add an arrow": "Tambah panah", "Add": "Tambah", "Arrow added.": "Panah ditambahkan.", "Arrow removed.": "Panah dihapus.",
    "Objective that drives": "Sasaran yang mendorong", "Objective it drives": "Sasaran yang didorong",
    "'%(code)s' is not an objective of this scorecard.": "'%(code)s' bukan sasaran strategis scorecard ini.",
    "An objective cannot drive itself.": "Sebuah sasaran tidak dapat mendorong dirinya sendiri.",
    "%(cause)s already drives %(effect)s.": "%(cause)s sudah mendorong %(effect)s.",
    "This arrow is no longer on the map.": "Panah ini sudah tidak ada di peta.",
    "Summary": "Ringkasan",
    # issue 17: pages per kind, defaults and ways back
    "You finished this survey on %(when)s.": "Anda telah menyelesaikan survei ini pada %(when)s.",
    "You may still change your answers until it closes on %(when)s.":
        "Anda masih dapat mengubah jawaban sampai survei ditutup pada %(when)s.",
    "You may still change your answers until HR closes the survey.":
        "Anda masih dapat mengubah jawaban sampai bagian SDM menutup survei.",
    "Please report your own performance: type a number for each question, in the unit shown beside it.":
        "Laporkan kinerja Anda sendiri: ketik angka untuk setiap pertanyaan, dalam satuan yang tertera di sampingnya.",
    "Please say for each objective and KPI whether it is relevant for the office, then give your overall verdict on the scorecard.":
        "Nyatakan untuk setiap sasaran dan IKU apakah relevan bagi kantor, lalu berikan penilaian Anda atas scorecard secara keseluruhan.",
    "Please say how satisfied you are with each point, from 1 (very dissatisfied) to 5 (very satisfied).":
        "Nyatakan seberapa puas Anda dengan setiap hal, dari 1 (sangat tidak puas) sampai 5 (sangat puas).",
    "Back to the round": "Kembali ke putaran",
    "Parent %(parent)s is not in this scorecard: add it first.": "Induk %(parent)s belum ada di scorecard ini: tambahkan dahulu.",
    # issue 17: import templates
    "Start from a template": "Mulai dari templat", "measurements": "target dan realisasi", "ladders": "tangga skor",
    "There is no template for %(kind)s.": "Tidak ada templat untuk %(kind)s.",
    "above the threshold": "di atas batas",
}
